package org.filedock.ejb.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.filedock.api.audit.AuditAction;
import org.filedock.api.audit.AuditEntry;
import org.filedock.ejb.history.store.OnHistoryDatabase;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit store's SQL on the H2 that WildFly ships, with the schema script the server runs. */
class AuditRowsTest extends OnHistoryDatabase {

    private static final Instant TIME = Instant.parse("2026-12-06T21:50:00.123456Z");

    @Test
    void storesEveryFieldAsTheEntityMapsIt() throws SQLException {
        AuditEntry move = new AuditEntry(TIME, "alice", "10.0.0.7:4711", AuditAction.MOVE, "/a/b.txt", "/c", "BUSY");
        AuditEntry login = new AuditEntry(TIME.plusSeconds(1), null, "[::1]:5000", AuditAction.LOGIN, null, null, "OK");
        AuditRows.insert(connection, List.of(move, login));

        List<AuditEntry> stored = read();
        assertEquals(List.of(move, login), stored);
    }

    @Test
    void idsRiseInTheListsOrderAcrossSequenceBlocks() throws SQLException {
        List<AuditEntry> entries = IntStream.range(0, 2 * AuditRows.ID_BLOCK + 7)
                .mapToObj(i -> new AuditEntry(TIME, null, "h:1", AuditAction.MKDIR, "/d" + i, null, "OK")).toList();
        AuditRows.insert(connection, entries);
        AuditRows.insert(connection, entries.subList(0, 3));

        List<Long> ids = ids();
        assertEquals(entries.size() + 3, ids.size());
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) > ids.get(i - 1), "ids rise: " + ids);
        }
        assertTrue(ids.get(0) >= 1, "no id below the sequence's start: " + ids.get(0));
        assertEquals(read().stream().map(AuditEntry::path).toList().subList(0, entries.size()),
                entries.stream().map(AuditEntry::path).toList());
    }

    @Test
    void neverTakesAnIdOfABlockHibernateTook() throws SQLException {
        // an entity manager (Hibernate's pooled optimizer) took the value v and writes ids v-49 .. v
        long taken = nextSequenceValue();
        taken = taken < AuditRows.ID_BLOCK ? nextSequenceValue() : taken;
        try (Statement statement = connection.createStatement()) {
            for (long id = taken - AuditRows.ID_BLOCK + 1; id <= taken; id++) {
                statement.execute("INSERT INTO fd_audit (id, recorded_at, client_address, action, outcome)"
                        + " VALUES (" + id + ", CURRENT_TIMESTAMP, 'h:1', 'RMDIR', 'OK')");
            }
        }
        AuditRows.insert(connection, List.of(new AuditEntry(TIME, null, "h:1", AuditAction.MKDIR, "/x", null, "OK")));

        assertEquals(taken + 1, ids().get(AuditRows.ID_BLOCK));
    }

    @Test
    void asksH2ForTheNextValueTheStandardWay() throws SQLException {
        assertEquals("SELECT NEXT VALUE FOR fd_audit_seq", AuditRows.nextValueQuery(connection));
    }

    private long nextSequenceValue() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet value = statement.executeQuery(AuditRows.nextValueQuery(connection))) {
            value.next();
            return value.getLong(1);
        }
    }

    private List<Long> ids() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM fd_audit ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private List<AuditEntry> read() throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT recorded_at, user_name, client_address, action, path,"
                     + " target, outcome FROM fd_audit ORDER BY id")) {
            while (rows.next()) {
                entries.add(new AuditEntry(rows.getObject(1, OffsetDateTime.class).toInstant(), rows.getString(2),
                        rows.getString(3), AuditAction.valueOf(rows.getString(4)), rows.getString(5),
                        rows.getString(6), rows.getString(7)));
            }
        }
        return entries;
    }
}
