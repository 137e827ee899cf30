package org.filedock.ejb.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;

import org.filedock.api.audit.AuditEntry;

/**
 * Inserts audit entries into {@code fd_audit} with one JDBC batch, the same rows {@link AuditEntity}
 * maps (which the queries and the retention still use). Plain JDBC because the trail is written far
 * more often than it is read: every MKDIR and RMDIR is an entry, and the entity manager's persist,
 * flush and action queue cost more CPU per row than the insert itself.
 *
 * <p>Ids come from {@code fd_audit_seq} as Hibernate's pooled optimizer takes them for
 * {@link AuditEntity}: a sequence value {@code v} (the sequence counts in steps of
 * {@link #ID_BLOCK}) stands for the ids {@code v-49 .. v}, so rows written here and rows an entity
 * manager writes (an older node of a cluster on the same database) never share an id. Within a
 * batch the ids rise in the order of the list: they order entries of the same instant.
 */
final class AuditRows {

    /** The sequence's increment, {@link AuditEntity}'s allocation size. */
    static final int ID_BLOCK = 50;

    private static final String INSERT = "INSERT INTO fd_audit"
            + " (id, recorded_at, user_name, client_address, action, path, target, outcome)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditRows() {
    }

    /** Inserts the entries on the connection, in the caller's transaction. */
    static void insert(Connection connection, List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        String nextValue = nextValueQuery(connection);
        long nextId = 0;
        long lastId = -1;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AuditEntry entry : entries) {
                if (nextId > lastId) {
                    lastId = nextBlockEnd(connection, nextValue);
                    nextId = lastId - ID_BLOCK + 1;
                }
                insert.setLong(1, nextId++);
                insert.setObject(2, entry.time().atOffset(ZoneOffset.UTC));
                insert.setString(3, entry.user());
                insert.setString(4, entry.clientAddress());
                insert.setString(5, entry.action().name());
                insert.setString(6, entry.path());
                insert.setString(7, entry.target());
                insert.setString(8, entry.outcome());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** PostgreSQL has no standard {@code NEXT VALUE FOR}; H2 and most others have. */
    static String nextValueQuery(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                ? "SELECT nextval('fd_audit_seq')" : "SELECT NEXT VALUE FOR fd_audit_seq";
    }

    /** The last id of the next free block; a sequence still below one block (just made) is moved on. */
    private static long nextBlockEnd(Connection connection, String nextValue) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(nextValue)) {
            while (true) {
                try (ResultSet value = next.executeQuery()) {
                    value.next();
                    long end = value.getLong(1);
                    if (end >= ID_BLOCK) {
                        return end;
                    }
                }
            }
        }
    }
}
