package org.filedock.ejb.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

import org.filedock.api.audit.AuditEntry;
import org.filedock.ejb.history.store.HistoryUnit;

/** Stores audit entries with one JDBC batch ({@link AuditRows}); each call is one transaction. */
@Stateless
public class AuditWriter {

    @Resource(lookup = HistoryUnit.DATA_SOURCE)
    DataSource dataSource;

    public void saveAll(List<AuditEntry> entries) {
        try (Connection connection = dataSource.getConnection()) {
            AuditRows.insert(connection, entries);
        } catch (SQLException e) {
            // a system exception: the transaction is rolled back, the drain retries entry by entry
            throw new IllegalStateException("could not store " + entries.size() + " audit entries", e);
        }
    }

    public void save(AuditEntry entry) {
        saveAll(List.of(entry));
    }
}
