package org.filedock.api.history;

import java.time.Instant;

/** The paging and window rules every listing of the history shares. */
public final class QueryBounds {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    private QueryBounds() {
    }

    /** @throws IllegalArgumentException for a page size outside 1..{@link #MAX_LIMIT}, a negative offset or an empty window */
    public static void check(Instant since, Instant until, int limit, int offset) {
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
