package org.filedock.ejb.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.filedock.api.CommandException;
import org.filedock.api.metrics.FileDockCounters;
import org.filedock.api.metrics.LockCounts;
import org.filedock.ejb.path.StoragePath;
import org.junit.jupiter.api.Test;

/** Each lock request is counted once, as granted or BUSY, by its kind (the counters are shared: deltas). */
class LockRequestsTest {

    private static final StoragePath FILE = StoragePath.of("metrics", "a.txt");

    private final LocalLockManager locks = new LocalLockManager();

    @Test
    void countsGrantedAndBusyByKind() throws CommandException {
        long uploads = count(LockCounts.Kind.UPLOAD, LockCounts.Result.GRANTED);
        long busyDownloads = count(LockCounts.Kind.DOWNLOAD, LockCounts.Result.BUSY);
        long busyChanges = count(LockCounts.Kind.CHANGE, LockCounts.Result.BUSY);

        try (FileLock upload = locks.lockForUpload(FILE)) {
            assertThrows(CommandException.class, () -> locks.lockForDownload(FILE));
            assertThrows(CommandException.class, () -> locks.lockForChange(FILE.parent()));
        }

        assertEquals(uploads + 1, count(LockCounts.Kind.UPLOAD, LockCounts.Result.GRANTED));
        assertEquals(busyDownloads + 1, count(LockCounts.Kind.DOWNLOAD, LockCounts.Result.BUSY));
        assertEquals(busyChanges + 1, count(LockCounts.Kind.CHANGE, LockCounts.Result.BUSY));
    }

    private static long count(LockCounts.Kind kind, LockCounts.Result result) {
        return FileDockCounters.LOCKS.requests(kind, result).sum();
    }
}
