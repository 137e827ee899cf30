package org.filedock.ejb.quota;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bookkeeping of usage: one walk, then deltas; reservations against the quota. */
class UsageLedgerTest {

    private static final OptionalLong QUOTA_100 = OptionalLong.of(100);

    /** A "disk" whose walk counts what {@code bytes} holds, and how often it was walked. */
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger walks = new AtomicInteger();
    private final UsageLedger ledger = new UsageLedger(account -> {
        walks.incrementAndGet();
        return bytes.get();
    });

    @Test
    void walksOnceThenFollowsTheChanges() {
        bytes.set(40);
        assertEquals(40, ledger.used("alice"));
        ledger.change("alice", () -> grow(-15));
        ledger.change("alice", () -> grow(5));
        assertEquals(30, ledger.used("alice"));
        assertEquals(30, bytes.get());
        assertEquals(1, walks.get(), "changes after the walk are counted, not walked");
        assertEquals(30, ledger.used("bob"), "each account has a walk of its own");
        assertEquals(2, walks.get());
    }

    @Test
    void aChangeBeforeTheWalkIsSeenByTheWalkOnly() {
        bytes.set(40);
        ledger.change("alice", () -> grow(-10)); // not counted yet: nothing to follow
        assertEquals(30, ledger.used("alice"));
    }

    @Test
    void anUploadBeyondTheQuotaIsRefusedWithTheUsage() throws Exception {
        bytes.set(60);
        QuotaExceeded refused = assertThrows(QuotaExceeded.class, () -> ledger.reserve("alice", 41, QUOTA_100));
        assertEquals("60 of 100 bytes used", refused.getMessage());
        assertEquals(0, ledger.reserved("alice"), "nothing reserved");
        try (UsageLedger.Reservation exactFit = ledger.reserve("alice", 40, QUOTA_100)) {
            assertEquals(40, ledger.reserved("alice"));
            QuotaExceeded meanwhile = assertThrows(QuotaExceeded.class, () -> ledger.reserve("alice", 1, QUOTA_100));
            assertEquals("100 of 100 bytes used", meanwhile.getMessage(), "reservations count");
        }
        assertEquals(0, ledger.reserved("alice"), "an upload that ends without a commit gives its reservation back");
        assertEquals(60, ledger.used("alice"));
    }

    @Test
    void aCommitCountsItsGrowthAndGivesTheReservationBack() throws Exception {
        bytes.set(60);
        UsageLedger.Reservation r = ledger.reserve("alice", 30, QUOTA_100);
        r.commit(() -> grow(30));
        r.close(); // closing after the commit changes nothing
        assertEquals(90, ledger.used("alice"));
        assertEquals(0, ledger.reserved("alice"));
    }

    @Test
    void anUploadThatDoesNotGrowTheUsageIsAdmittedEvenOverTheQuota() throws Exception {
        bytes.set(150); // the quota was lowered below the usage
        try (UsageLedger.Reservation shrinking = ledger.reserve("alice", -20, QUOTA_100)) {
            assertEquals(0, ledger.reserved("alice"), "a shrink reserves nothing");
            shrinking.commit(() -> grow(-20));
        }
        assertEquals(130, ledger.used("alice"));
        assertThrows(QuotaExceeded.class, () -> ledger.reserve("alice", 1, QUOTA_100));
    }

    @Test
    void withoutAQuotaEverythingIsAdmittedAndStillCounted() throws Exception {
        try (UsageLedger.Reservation r = ledger.reserve("", Long.MAX_VALUE / 2, OptionalLong.empty())) {
            r.commit(() -> 7L);
        }
        assertEquals(7, ledger.used(""));
    }

    @Test
    void concurrentUploadsCannotTogetherOvershoot() throws Exception {
        bytes.set(0);
        int uploads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < uploads; i++) {
                Callable<Boolean> upload = () -> {
                    start.await();
                    try (UsageLedger.Reservation r = ledger.reserve("alice", 30, QUOTA_100)) {
                        r.commit(() -> grow(30));
                        return true;
                    } catch (QuotaExceeded e) {
                        return false;
                    }
                };
                results.add(pool.submit(upload));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Boolean> result : results) {
                admitted += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(3, admitted, "30 + 30 + 30 fit in 100, a fourth does not");
            assertEquals(90, ledger.used("alice"));
            assertEquals(90, bytes.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void changesRunningDuringTheWalkAreNeitherLostNorCountedTwice() throws Exception {
        bytes.set(1000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> deletes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                deletes.add(pool.submit(() -> {
                    for (int j = 0; j < 100; j++) {
                        ledger.change("alice", () -> grow(-1));
                    }
                }));
            }
            long seen = ledger.used("alice");
            assertTrue(seen <= 1000 && seen >= 600, "a count between the start and the end: " + seen);
            for (Future<?> delete : deletes) {
                delete.get(10, TimeUnit.SECONDS);
            }
            assertEquals(600, ledger.used("alice"));
        } finally {
            pool.shutdownNow();
        }
    }

    private long grow(long delta) {
        bytes.addAndGet(delta);
        return delta;
    }
}
