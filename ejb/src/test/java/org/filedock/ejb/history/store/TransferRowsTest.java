package org.filedock.ejb.history.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.filedock.api.history.RateSample;
import org.filedock.api.history.TransferChannel;
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferOutcome;
import org.filedock.ejb.history.recording.FinishedTransfer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The transfer history's SQL on the H2 that WildFly ships, with the schema script the server runs. */
class TransferRowsTest extends OnHistoryDatabase {

    private static final Instant START = Instant.parse("2026-12-06T22:10:00.123456Z");

    @Test
    void storesEveryColumnAsTheEntitiesMapThem() throws SQLException {
        FinishedTransfer upload = transfer("u1", TransferDirection.UPLOAD, "alice", "up-7", TransferChannel.HTTP,
                List.of(new RateSample(0.5, 1_000, 2_000.0, 2_000.0), new RateSample(1.0, 3_000, 4_000.0, 3_000.0)));
        FinishedTransfer download = transfer("d1", TransferDirection.DOWNLOAD, null, null, TransferChannel.PROTOCOL,
                List.of());
        TransferRows.insert(connection, List.of(upload, download), "node-a");

        assertEquals(List.of(
                "d1 DOWNLOAD /docs/d1 10.0.0.7:4711 null 100 64 2026-12-06T22:10:00.123456Z 2026-12-06T22:10:02.123456Z"
                        + " ABORTED 32.0 48.0 0 null protocol node-a",
                "u1 UPLOAD /docs/u1 10.0.0.7:4711 alice 100 64 2026-12-06T22:10:00.123456Z 2026-12-06T22:10:02.123456Z"
                        + " ABORTED 32.0 48.0 2 up-7 http node-a"), transfers());
        assertEquals(List.of("u1 0 0.5 1000 2000.0 2000.0", "u1 1 1.0 3000 4000.0 3000.0"), samples());
    }

    @Test
    void storesMoreSamplesThanOneBatchInTheirOrder() throws SQLException {
        int count = TransferRows.SAMPLE_BATCH + 7;
        List<RateSample> series = IntStream.range(0, count)
                .mapToObj(i -> new RateSample(i * 0.05, i * 10L, i, i)).toList();
        TransferRows.insert(connection, List.of(transfer("long", TransferDirection.UPLOAD, null, null,
                TransferChannel.PROTOCOL, series)), null);

        List<String> samples = samples();
        assertEquals(count, samples.size());
        assertEquals("long " + (count - 1) + " " + (count - 1) * 0.05 + " " + (count - 1) * 10L + " "
                + (double) (count - 1) + " " + (double) (count - 1), samples.get(count - 1));
    }

    @Test
    void aTransferStoredTwiceIsRefused() throws SQLException {
        FinishedTransfer once = transfer("t", TransferDirection.UPLOAD, null, null, TransferChannel.SHARE, List.of());
        TransferRows.insert(connection, List.of(once), null);

        assertThrows(SQLException.class, () -> TransferRows.insert(connection, List.of(once), null));
    }

    private static FinishedTransfer transfer(String id, TransferDirection direction, String user, String uploadId,
                                             TransferChannel channel, List<RateSample> samples) {
        return new FinishedTransfer(id, direction, "/docs/" + id, "10.0.0.7:4711", user, 100, 64, START,
                START.plusSeconds(2), TransferOutcome.ABORTED, 32.0, 48.0, samples, uploadId, channel);
    }

    private List<String> transfers() throws SQLException {
        return rows("SELECT id, direction, path, client_address, user_name, declared_size, bytes_moved, started_at,"
                + " ended_at, outcome, mean_rate, peak_rate, sample_count, upload_id, channel, node"
                + " FROM fd_transfer ORDER BY id");
    }

    private List<String> samples() throws SQLException {
        return rows("SELECT transfer_id, seq, seconds, bytes, rate, rolling_average FROM fd_transfer_sample"
                + " ORDER BY transfer_id, seq");
    }

    /** Each row's columns joined by spaces; timestamps as instants. */
    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet r = statement.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    Object value = r.getObject(c);
                    values.add(value instanceof OffsetDateTime t ? t.toInstant().toString() : String.valueOf(value));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
