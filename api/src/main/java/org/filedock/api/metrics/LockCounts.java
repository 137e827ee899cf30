package org.filedock.api.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Lock requests (contract §6) by kind and result. FileDock's locks never queue: a request is
 * granted or answered {@code BUSY} at once. The only waiting is the cluster lock table's: a
 * compare-and-set that lost to a compatible change of the same entry (many downloads of one
 * file) backs off and tries again; those pauses are counted here, with their time.
 */
public final class LockCounts {

    public enum Kind { UPLOAD, DOWNLOAD, CHANGE }

    public enum Result { GRANTED, BUSY }

    private final LongAdder[] requests = new LongAdder[Kind.values().length * Result.values().length];
    private final LongAdder waits = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();

    public LockCounts() {
        for (int i = 0; i < requests.length; i++) {
            requests[i] = new LongAdder();
        }
    }

    public void requested(Kind kind, Result result) {
        requests(kind, result).increment();
    }

    /** One back-off of the cluster lock table, of this many nanoseconds. */
    public void waited(long nanos) {
        waits.increment();
        waitNanos.add(nanos);
    }

    public LongAdder requests(Kind kind, Result result) {
        return requests[kind.ordinal() * Result.values().length + result.ordinal()];
    }

    public long waits() {
        return waits.sum();
    }

    public double waitSeconds() {
        return waitNanos.sum() / 1e9;
    }
}
