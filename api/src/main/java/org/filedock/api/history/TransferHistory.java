package org.filedock.api.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transfer-rate history, as the web tier reads it: a local business interface implemented in
 * the EJB tier. Finished transfers come from the database, live ones from the recorder's memory.
 */
public interface TransferHistory {

    TransferPage list(TransferQuery query);

    Optional<TransferDetail> find(String id);

    /** The transfer's rate series in time order, or empty when there is no such transfer. */
    Optional<List<RateSample>> samples(String id);

    /**
     * Per-direction figures over the transfers started in {@code [since, until)}, of one user's
     * transfers or, with {@code user} null, of everyone's.
     */
    TransferStats stats(Instant since, Instant until, String user);

    /** The transfers in progress, newest first. */
    List<LiveTransfer> live();
}
