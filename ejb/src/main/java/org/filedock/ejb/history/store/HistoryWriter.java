package org.filedock.ejb.history.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.filedock.ejb.history.recording.FinishedTransfer;

/** Stores finished transfers and their samples; each call is one transaction. */
@Stateless
public class HistoryWriter {

    @PersistenceContext(unitName = HistoryUnit.NAME)
    EntityManager em;

    @Resource(lookup = HistoryUnit.DATA_SOURCE)
    DataSource dataSource;

    /** The transfers this node served, with one JDBC batch per table ({@link TransferRows}). */
    public void saveAll(List<FinishedTransfer> transfers) {
        try (Connection connection = dataSource.getConnection()) {
            TransferRows.insert(connection, transfers, System.getProperty("jboss.node.name"));
        } catch (SQLException e) {
            // a system exception: the transaction is rolled back, the drain retries one by one
            throw new IllegalStateException("could not store " + transfers.size() + " transfers", e);
        }
    }

    public void save(FinishedTransfer transfer) {
        saveAll(List.of(transfer));
    }

    /**
     * Stores a transfer that another node served and could not record (it died); its id is the
     * key, so it is stored at most once.
     */
    public void saveForNode(FinishedTransfer transfer, String node) {
        em.persist(TransferEntity.of(transfer, node));
    }
}
