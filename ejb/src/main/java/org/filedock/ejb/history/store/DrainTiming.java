package org.filedock.ejb.history.store;

import java.time.Duration;

/**
 * When the queued transfer ends are written: once the ends have paused for a quiet window, or
 * once the oldest of them has waited the longest delay. A burst of transfers is stored after it,
 * not while it still needs the cores; steady traffic is stored at least every longest delay.
 * Times are {@link System#nanoTime()} values.
 */
final class DrainTiming {

    private final long quietNanos;
    private final long longestNanos;
    // written by the transfers' threads; a lost race only makes a drain come a little earlier
    private volatile long firstEnd;
    private volatile long lastEnd;

    DrainTiming(Duration quiet, Duration longest) {
        this.quietNanos = quiet.toNanos();
        this.longestNanos = longest.toNanos();
    }

    long quietNanos() {
        return quietNanos;
    }

    /** @param first whether this end starts a new batch (nothing was queued before it) */
    void ended(long now, boolean first) {
        if (first) {
            firstEnd = now;
        }
        lastEnd = now;
    }

    /** @return 0 to write now, else how long to wait before asking again */
    long waitBeforeDrain(long now) {
        long quietFor = now - lastEnd;
        long waited = now - firstEnd;
        if (quietFor >= quietNanos || waited >= longestNanos) {
            return 0;
        }
        return Math.min(quietNanos - quietFor, longestNanos - waited);
    }
}
