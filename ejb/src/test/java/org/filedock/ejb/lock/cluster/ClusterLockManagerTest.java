package org.filedock.ejb.lock.cluster;

import static org.filedock.ejb.path.CommandAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.filedock.api.CommandException;
import org.filedock.ejb.lock.FileLock;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lock table's semantics over a real concurrent map with compare-and-set (what the replicated
 * cache offers), two "nodes" sharing it: node a and node b, each with its own manager.
 */
class ClusterLockManagerTest {

    private static final StoragePath DOCS = StoragePath.of("docs");
    private static final StoragePath FILE = StoragePath.of("docs", "b.txt");
    private static final StoragePath OTHER = StoragePath.of("docs", "c.txt");

    /** A view whose members the test changes, as JGroups would. */
    private record TestView(String self, Set<String> memberNames, int configuredSize) implements ClusterView {
    }

    private final ConcurrentMap<String, String> table = new ConcurrentHashMap<>();
    private final Set<String> members = new CopyOnWriteArraySet<>(List.of("a", "b", "c"));
    private final ClusterLockManager a = new ClusterLockManager(table, new TestView("a", members, 3));
    private final ClusterLockManager b = new ClusterLockManager(table, new TestView("b", members, 3));
    private final List<FileLock> held = new ArrayList<>();

    @AfterEach
    void everyReleasedLockLeavesNoEntry() {
        held.forEach(FileLock::close);
        assertEquals(0, a.lockedPathCount(), () -> "left in the table: " + table);
    }

    private FileLock hold(FileLock lock) {
        held.add(lock);
        return lock;
    }

    @Test
    void anUploadOnOneNodeMakesEveryOtherLockOnTheFileBusyOnTheOther() throws CommandException {
        FileLock upload = hold(a.lockForUpload(FILE));
        assertFails(ErrorCode.BUSY, () -> b.lockForUpload(FILE));
        assertFails(ErrorCode.BUSY, () -> b.lockForDownload(FILE));
        assertFails(ErrorCode.BUSY, () -> b.lockForChange(FILE));
        assertFails(ErrorCode.BUSY, () -> b.lockForChange(DOCS));
        hold(b.lockForUpload(OTHER));
        upload.close();
        hold(b.lockForDownload(FILE)).close();
        hold(b.lockForUpload(FILE));
    }

    @Test
    void readersOnTwoNodesShareAFileAndKeepChangesOut() throws CommandException {
        FileLock readA = hold(a.lockForDownload(FILE));
        FileLock readB = hold(b.lockForDownload(FILE));
        assertFails(ErrorCode.BUSY, () -> a.lockForChange(FILE));
        assertFails(ErrorCode.BUSY, () -> b.lockForChange(DOCS));
        // an upload replaces a file being read (contract §6: the replace is atomic)
        hold(b.lockForUpload(FILE)).close();
        readA.close();
        assertFails(ErrorCode.BUSY, () -> a.lockForChange(FILE));
        readB.close();
        hold(a.lockForChange(FILE));
    }

    @Test
    void aChangeOnADirectoryAndALockBelowItMeetOnEveryNode() throws CommandException {
        FileLock change = hold(a.lockForChange(DOCS));
        assertFails(ErrorCode.BUSY, () -> b.lockForUpload(FILE));
        assertFails(ErrorCode.BUSY, () -> b.lockForDownload(FILE));
        assertFails(ErrorCode.FORBIDDEN, () -> b.lockForChange(StoragePath.ROOT));
        change.close();
        hold(b.lockForDownload(FILE));
        CommandException busy = assertFails(ErrorCode.BUSY, () -> a.lockForChange(DOCS));
        assertTrue(busy.getMessage().contains("in transfer"), busy.getMessage());
        hold(a.lockForChange(OTHER));
    }

    @Test
    void aRefusedLockGivesBackItsHold() throws CommandException {
        FileLock upload = hold(a.lockForUpload(FILE));
        assertFails(ErrorCode.BUSY, () -> b.lockForUpload(FILE));
        upload.close();
        assertEquals(0, a.lockedPathCount(), () -> "left in the table: " + table);
        hold(b.lockForChange(DOCS));
    }

    @Test
    void theHoldsOfADepartedNodeAreFreedOnTheNextConflict() throws CommandException {
        hold(a.lockForUpload(FILE));
        members.remove("a");
        hold(b.lockForUpload(FILE));
        assertTrue(table.values().stream().noneMatch(v -> v.contains("|a|")), () -> "a's holds stay: " + table);
    }

    @Test
    void aViewChangeSweepsTheHoldsOfDepartedNodes() throws CommandException {
        hold(a.lockForDownload(FILE));
        hold(b.lockForDownload(OTHER));
        members.remove("a");
        b.reapDeparted();
        assertTrue(table.values().stream().noneMatch(v -> v.contains("|a|")), () -> "a's holds stay: " + table);
        assertFails(ErrorCode.BUSY, () -> b.lockForChange(DOCS));
    }

    @Test
    void aNodeStartedAgainUnderTheSameNameLosesTheHoldsOfItsEarlierRun() throws CommandException {
        hold(a.lockForUpload(FILE));
        ClusterLockManager restarted = new ClusterLockManager(table, new TestView("a", members, 3));
        hold(restarted.lockForUpload(FILE));
        assertFails(ErrorCode.BUSY, () -> b.lockForUpload(FILE));
    }

    @Test
    void withoutAMajorityOnlyReadLocksAreGranted() throws CommandException {
        members.removeAll(List.of("a", "c"));
        CommandException busy = assertFails(ErrorCode.BUSY, () -> b.lockForUpload(FILE));
        assertTrue(busy.getMessage().contains("no majority"), busy.getMessage());
        assertFails(ErrorCode.BUSY, () -> b.lockForChange(DOCS));
        hold(b.lockForDownload(FILE));
        members.add("c");
        hold(b.lockForUpload(OTHER));
    }

    @Test
    void aLockHoweverDeepIsOneWriteToTakeAndOneToGiveBack() throws CommandException {
        AtomicInteger writes = new AtomicInteger();
        ConcurrentMap<String, String> counted = new ConcurrentHashMap<>() {
            @Override
            public String putIfAbsent(String key, String value) {
                writes.incrementAndGet();
                return super.putIfAbsent(key, value);
            }

            @Override
            public boolean remove(Object key, Object value) {
                writes.incrementAndGet();
                return super.remove(key, value);
            }
        };
        ClusterLockManager c = new ClusterLockManager(counted, new TestView("c", members, 3));
        ClusterLockManager d = new ClusterLockManager(counted, new TestView("a", members, 3));
        StoragePath deep = StoragePath.of("docs", "x", "y", "z.bin");
        FileLock download = c.lockForDownload(deep);
        assertEquals(1, writes.get());
        assertFails(ErrorCode.BUSY, () -> d.lockForChange(StoragePath.of("docs", "x")));
        assertFails(ErrorCode.BUSY, () -> d.lockForChange(DOCS));
        download.close();
        try (FileLock change = d.lockForChange(StoragePath.of("docs", "x"))) {
            assertFails(ErrorCode.BUSY, () -> c.lockForUpload(deep));
        }
        assertEquals(0, c.lockedPathCount(), () -> "left in the table: " + counted);
    }

    /** A table whose writes take as long as a replicated write (a round trip), so that racing writers lose often. */
    private static final class SlowWrites extends ConcurrentHashMap<String, String> {
        private static void replicate() {
            LockSupport.parkNanos(200_000);
        }

        @Override
        public String putIfAbsent(String key, String value) {
            replicate();
            return super.putIfAbsent(key, value);
        }

        @Override
        public boolean replace(String key, String oldValue, String newValue) {
            replicate();
            return super.replace(key, oldValue, newValue);
        }

        @Override
        public boolean remove(Object key, Object value) {
            replicate();
            return super.remove(key, value);
        }
    }

    @Test
    void manyLocksInOneDirectoryAtOnceAreAllGranted() throws Exception {
        ConcurrentMap<String, String> slow = new SlowWrites();
        ClusterLockManager a = new ClusterLockManager(slow, new TestView("a", members, 3));
        ClusterLockManager b = new ClusterLockManager(slow, new TestView("b", members, 3));
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ClusterLockManager node = t % 2 == 0 ? a : b;
                StoragePath own = DOCS.child("file-" + t);
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 100; i++) {
                        node.lockForUpload(own).close();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void racingUploadsOnTwoNodesNeverHoldOneFileTwice() throws Exception {
        int threads = 8;
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ClusterLockManager node = t % 2 == 0 ? a : b;
                StoragePath target = t % 3 == 0 ? DOCS : FILE; // changes on the directory race too
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 2000; i++) {
                        try (FileLock lock = target == DOCS ? node.lockForChange(DOCS) : node.lockForUpload(FILE)) {
                            if (holding.incrementAndGet() != 1) {
                                overlaps.incrementAndGet();
                            }
                            granted.incrementAndGet();
                            holding.decrementAndGet();
                        } catch (CommandException e) {
                            assertEquals(ErrorCode.BUSY, e.code());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, overlaps.get());
        assertTrue(granted.get() > 0);
    }
}
