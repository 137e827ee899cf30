package org.filedock.ejb.lock;

import static org.filedock.ejb.path.CommandAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalLockManagerTest {

    private static final StoragePath DOCS = StoragePath.of("docs");
    private static final StoragePath FILE = StoragePath.of("docs", "b.txt");
    private static final StoragePath OTHER = StoragePath.of("docs", "c.txt");

    private final LocalLockManager locks = new LocalLockManager();
    private final List<FileLock> held = new ArrayList<>();

    @AfterEach
    void everyReleasedLockIsForgotten() {
        held.forEach(FileLock::close);
        assertEquals(0, locks.lockedPathCount());
    }

    private FileLock hold(FileLock lock) {
        held.add(lock);
        return lock;
    }

    @Test
    void twoUploadsOfOneFileConflict() throws CommandException {
        hold(locks.lockForUpload(FILE));
        assertFails(ErrorCode.BUSY, "/docs/b.txt is being uploaded", () -> locks.lockForUpload(FILE));
    }

    @Test
    void uploadsOfDifferentFilesDoNotConflict() throws CommandException {
        hold(locks.lockForUpload(FILE));
        hold(locks.lockForUpload(OTHER));
        hold(locks.lockForDownload(OTHER.parent().child("d.txt")));
    }

    @Test
    void downloadsAreShared() throws CommandException {
        hold(locks.lockForDownload(FILE));
        hold(locks.lockForDownload(FILE));
        hold(locks.lockForDownload(FILE));
    }

    @Test
    void anUploadMayReplaceAFileBeingDownloaded() throws CommandException {
        hold(locks.lockForDownload(FILE));
        hold(locks.lockForUpload(FILE));
    }

    @Test
    void aFileBeingUploadedCannotBeDownloaded() throws CommandException {
        hold(locks.lockForUpload(FILE));
        assertFails(ErrorCode.BUSY, "/docs/b.txt is being uploaded", () -> locks.lockForDownload(FILE));
    }

    @Test
    void aFileBeingUploadedCannotBeChanged() throws CommandException {
        hold(locks.lockForUpload(FILE));
        assertFails(ErrorCode.BUSY, "/docs/b.txt is being uploaded", () -> locks.lockForChange(FILE));
    }

    @Test
    void aFileBeingDownloadedCannotBeChanged() throws CommandException {
        hold(locks.lockForDownload(FILE));
        assertFails(ErrorCode.BUSY, "/docs/b.txt is being downloaded", () -> locks.lockForChange(FILE));
    }

    @Test
    void aChangedFileCannotBeTransferredOrChanged() throws CommandException {
        hold(locks.lockForChange(FILE));
        String message = "/docs/b.txt is being changed";
        assertFails(ErrorCode.BUSY, message, () -> locks.lockForUpload(FILE));
        assertFails(ErrorCode.BUSY, message, () -> locks.lockForDownload(FILE));
        assertFails(ErrorCode.BUSY, message, () -> locks.lockForChange(FILE));
    }

    @Test
    void aDirectoryHoldingATransferCannotBeChanged() throws CommandException {
        hold(locks.lockForDownload(StoragePath.of("docs", "sub", "deep.txt")));
        assertFails(ErrorCode.BUSY, "/docs holds a file in transfer", () -> locks.lockForChange(DOCS));
        assertFails(ErrorCode.BUSY, "/ holds a file in transfer",
                () -> locks.lockForChange(StoragePath.ROOT));
    }

    @Test
    void aDirectoryHoldingAnUploadCannotBeChanged() throws CommandException {
        hold(locks.lockForUpload(FILE));
        assertFails(ErrorCode.BUSY, "/docs holds a file in transfer", () -> locks.lockForChange(DOCS));
    }

    @Test
    void aDirectoryHoldingAChangeCannotBeChanged() throws CommandException {
        hold(locks.lockForChange(StoragePath.of("docs", "new")));
        assertFails(ErrorCode.BUSY, "/docs/new is being changed", () -> locks.lockForChange(DOCS));
    }

    @Test
    void nothingBelowAChangedDirectoryCanBeLocked() throws CommandException {
        hold(locks.lockForChange(DOCS));
        StoragePath deep = StoragePath.of("docs", "a", "b.txt");
        String message = "/docs is being changed";
        assertFails(ErrorCode.BUSY, message, () -> locks.lockForUpload(deep));
        assertFails(ErrorCode.BUSY, message, () -> locks.lockForDownload(deep));
        assertFails(ErrorCode.BUSY, message, () -> locks.lockForChange(deep));
    }

    @Test
    void aChangeIsRefusedBelowAnyLockedAncestor() throws CommandException {
        // An ancestor can only be a file in transfer if the tree changed under us; refuse anyway.
        hold(locks.lockForDownload(DOCS));
        assertFails(ErrorCode.BUSY, "/docs is being downloaded", () -> locks.lockForChange(FILE));
    }

    @Test
    void siblingsWithACommonPrefixDoNotConflict() throws CommandException {
        hold(locks.lockForChange(StoragePath.of("doc")));
        hold(locks.lockForUpload(StoragePath.of("docs", "x")));
        hold(locks.lockForChange(StoragePath.of("docsx")));
        hold(locks.lockForChange(StoragePath.of("docs", "y")));
    }

    @Test
    void transfersDoNotLockTheirAncestorsAgainstOtherTransfers() throws CommandException {
        hold(locks.lockForUpload(FILE));
        hold(locks.lockForDownload(OTHER));
        hold(locks.lockForChange(StoragePath.of("docs", "new-dir")));
    }

    @Test
    void aReleasedLockCanBeTakenAgain() throws CommandException {
        FileLock upload = locks.lockForUpload(FILE);
        upload.close();
        locks.lockForChange(FILE).close();
        locks.lockForChange(DOCS).close();
        hold(locks.lockForUpload(FILE));
    }

    @Test
    void closingTwiceReleasesOnlyOnce() throws CommandException {
        FileLock first = locks.lockForDownload(FILE);
        hold(locks.lockForDownload(FILE));
        first.close();
        first.close();
        assertFails(ErrorCode.BUSY, "/docs/b.txt is being downloaded", () -> locks.lockForChange(FILE));
    }

    @Test
    void closingAnUploadKeepsTheDownloadsOfTheSameFile() throws CommandException {
        hold(locks.lockForDownload(FILE));
        locks.lockForUpload(FILE).close();
        assertFails(ErrorCode.BUSY, "/docs/b.txt is being downloaded", () -> locks.lockForChange(FILE));
        hold(locks.lockForUpload(FILE));
    }

    @Test
    void aRefusedLockLeavesNothingBehind() throws CommandException {
        FileLock change = locks.lockForChange(DOCS);
        assertFails(ErrorCode.BUSY, () -> locks.lockForUpload(FILE));
        assertFails(ErrorCode.BUSY, () -> locks.lockForDownload(FILE));
        assertEquals(1, locks.lockedPathCount());
        change.close();
        assertEquals(0, locks.lockedPathCount());
    }

    @Test
    void neverTwoUploadsOfOneFileAtOnce() throws Exception {
        int threads = 8;
        int attempts = 2_000;
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean downloader = t % 4 == 3;
                results.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < attempts; i++) {
                        if (downloader) {
                            tryDownload();
                        } else {
                            tryUpload(holders, mostAtOnce, granted);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, mostAtOnce.get());
        assertTrue(granted.get() > 0);
    }

    private void tryUpload(AtomicInteger holders, AtomicInteger mostAtOnce, AtomicInteger granted) {
        try (FileLock lock = locks.lockForUpload(FILE)) {
            granted.incrementAndGet();
            int now = holders.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            Thread.yield();
            holders.decrementAndGet();
        } catch (CommandException e) {
            assertEquals(ErrorCode.BUSY, e.code());
        }
    }

    private void tryDownload() {
        try (FileLock lock = locks.lockForDownload(FILE)) {
            Thread.yield();
        } catch (CommandException e) {
            assertEquals(ErrorCode.BUSY, e.code());
        }
    }
}
