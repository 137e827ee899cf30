package org.filedock.ejb.history.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.filedock.api.history.RateSample;
import org.filedock.ejb.history.recording.FinishedTransfer;

/**
 * Inserts finished transfers and their rate samples into {@code fd_transfer} and
 * {@code fd_transfer_sample} with two JDBC batches, the rows {@link TransferEntity} and
 * {@link SampleEntity} map (the queries still read those). Plain JDBC because a transfer stores up
 * to 2,000 samples and the entity manager's persist and flush cost more CPU per row than the
 * insert.
 */
final class TransferRows {

    private static final String INSERT_TRANSFER = "INSERT INTO fd_transfer (id, direction, path, client_address,"
            + " user_name, declared_size, bytes_moved, started_at, ended_at, outcome, mean_rate, peak_rate,"
            + " sample_count, upload_id, channel, node) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Samples sent to the database at a time: a batch of 100 long transfers holds 200,000. */
    static final int SAMPLE_BATCH = 2_000;
    private static final String INSERT_SAMPLE = "INSERT INTO fd_transfer_sample (transfer_id, seq, seconds, bytes,"
            + " rate, rolling_average) VALUES (?, ?, ?, ?, ?, ?)";

    private TransferRows() {
    }

    /**
     * Inserts the transfers (served by {@code node}) and their samples on the connection, in the
     * caller's transaction.
     */
    static void insert(Connection connection, List<FinishedTransfer> transfers, String node) throws SQLException {
        if (transfers.isEmpty()) {
            return;
        }
        boolean anySamples = false;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TRANSFER)) {
            for (FinishedTransfer t : transfers) {
                insert.setString(1, t.id());
                insert.setString(2, t.direction().name());
                insert.setString(3, t.path());
                insert.setString(4, t.clientAddress());
                insert.setString(5, t.user());
                insert.setLong(6, t.declaredSize());
                insert.setLong(7, t.bytesMoved());
                insert.setObject(8, utc(t.startedAt()));
                insert.setObject(9, utc(t.endedAt()));
                insert.setString(10, t.outcome().name());
                insert.setDouble(11, t.meanRate());
                insert.setDouble(12, t.peakRate());
                insert.setInt(13, t.samples().size());
                insert.setString(14, t.uploadId());
                insert.setString(15, t.channel().wireName());
                insert.setString(16, node);
                insert.addBatch();
                anySamples |= !t.samples().isEmpty();
            }
            insert.executeBatch();
        }
        if (anySamples) {
            insertSamples(connection, transfers);
        }
    }

    private static void insertSamples(Connection connection, List<FinishedTransfer> transfers) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SAMPLE)) {
            int pending = 0;
            for (FinishedTransfer t : transfers) {
                List<RateSample> samples = t.samples();
                for (int i = 0; i < samples.size(); i++) {
                    RateSample s = samples.get(i);
                    insert.setString(1, t.id());
                    insert.setInt(2, i);
                    insert.setDouble(3, s.seconds());
                    insert.setLong(4, s.bytes());
                    insert.setDouble(5, s.rate());
                    insert.setDouble(6, s.rollingAverage());
                    insert.addBatch();
                    if (++pending == SAMPLE_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** As {@code TIMESTAMP WITH TIME ZONE}, the way Hibernate binds an {@link Instant} on H2 and PostgreSQL. */
    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
