package org.filedock.api.history;

import java.time.Instant;

/**
 * Which finished transfers to list: every filter is optional ({@code null}), the window is
 * {@code [since, until)} on the start time, {@code pathPrefix} is a plain string prefix of the path,
 * {@code user} and {@code uploadId} (the parts of one resumable upload, contract §10) are
 * compared exactly.
 */
public record TransferQuery(
        TransferDirection direction,
        TransferOutcome outcome,
        String pathPrefix,
        String user,
        String uploadId,
        Instant since,
        Instant until,
        int limit,
        int offset) {

    public static final int DEFAULT_LIMIT = QueryBounds.DEFAULT_LIMIT;
    public static final int MAX_LIMIT = QueryBounds.MAX_LIMIT;

    public TransferQuery {
        QueryBounds.check(since, until, limit, offset);
    }
}
