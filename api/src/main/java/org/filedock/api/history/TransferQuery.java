package org.filedock.api.history;

import java.time.Instant;

/**
 * Which finished transfers to list: every filter is optional ({@code null}), the window is
 * {@code [since, until)} on the start time, {@code pathPrefix} is a plain string prefix of the path.
 */
public record TransferQuery(
        TransferDirection direction,
        TransferOutcome outcome,
        String pathPrefix,
        Instant since,
        Instant until,
        int limit,
        int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public TransferQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is outside 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since " + since + " is not before until " + until);
        }
    }
}
