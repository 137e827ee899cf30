package org.filedock.api.metrics;

import java.util.concurrent.atomic.LongAdder;

/** Connections the adapter greeted, and those it turned away at its connection limit. */
public final class ConnectionCounts {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();

    public void accepted() {
        accepted.increment();
    }

    /** Turned away with {@code ERR@LIMIT} (or while shutting down) before it got a session. */
    public void refused() {
        refused.increment();
    }

    public long acceptedTotal() {
        return accepted.sum();
    }

    public long refusedTotal() {
        return refused.sum();
    }
}
