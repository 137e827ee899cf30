package org.filedock.ejb.lock;

import org.filedock.api.CommandException;
import org.filedock.api.metrics.FileDockCounters;
import org.filedock.api.metrics.LockCounts;
import org.filedock.protocol.ErrorCode;

/** Counts each lock request of a {@link LockManager} as granted or BUSY, for the metrics. */
public final class LockRequests {

    /** One lock request of a manager. */
    @FunctionalInterface
    public interface Request {
        FileLock take() throws CommandException;
    }

    private LockRequests() {
    }

    public static FileLock counted(LockCounts.Kind kind, Request request) throws CommandException {
        try {
            FileLock lock = request.take();
            FileDockCounters.LOCKS.requested(kind, LockCounts.Result.GRANTED);
            return lock;
        } catch (CommandException e) {
            if (e.code() == ErrorCode.BUSY) {
                FileDockCounters.LOCKS.requested(kind, LockCounts.Result.BUSY);
            }
            throw e;
        }
    }
}
