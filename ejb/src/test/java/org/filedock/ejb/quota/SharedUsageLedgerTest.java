package org.filedock.ejb.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Two nodes' ledgers over one real concurrent map (the replicated table's compare-and-set) and one
 * "disk": the quota holds for both together, and both see the same usage.
 */
class SharedUsageLedgerTest {

    private static final OptionalLong QUOTA_100 = OptionalLong.of(100);

    private final AtomicLong disk = new AtomicLong();
    private final AtomicInteger walks = new AtomicInteger();
    private final ConcurrentMap<String, String> table = new ConcurrentHashMap<>();
    private final Set<String> members = new CopyOnWriteArraySet<>(List.of("a", "b"));
    private final SharedUsageLedger a = ledger("a");
    private final SharedUsageLedger b = ledger("b");

    private SharedUsageLedger ledger(String node) {
        return new SharedUsageLedger(account -> {
            walks.incrementAndGet();
            return disk.get();
        }, table, node, node + "-1", (n, incarnation) -> members.contains(n) && incarnation.equals(n + "-1"));
    }

    private long grow(long bytes) {
        disk.addAndGet(bytes);
        return bytes;
    }

    @Test
    void oneWalkForTheClusterThenEveryNodesChangesOnEveryNode() {
        disk.set(40);
        assertEquals(40, a.used("alice"));
        b.change("alice", () -> grow(-15));
        a.change("alice", () -> grow(5));
        assertEquals(30, a.used("alice"));
        assertEquals(30, b.used("alice"));
        assertEquals(1, walks.get(), "node b used node a's count");
    }

    @Test
    void reservationsOfTwoNodesTogetherNeverPassTheQuota() throws Exception {
        disk.set(40);
        Ledger.Reservation onA = a.reserve("alice", 35, QUOTA_100);
        QuotaExceeded refused = assertThrows(QuotaExceeded.class, () -> b.reserve("alice", 30, QUOTA_100));
        assertEquals("75 of 100 bytes used", refused.getMessage());
        onA.commit(() -> grow(35));
        assertEquals(75, b.used("alice"));
        try (Ledger.Reservation onB = b.reserve("alice", 25, QUOTA_100)) {
            assertThrows(QuotaExceeded.class, () -> a.reserve("alice", 1, QUOTA_100));
        }
        a.reserve("alice", 25, QUOTA_100).close();
    }

    @Test
    void withoutAQuotaAnUploadWritesOnlyItsCommit() throws Exception {
        disk.set(7);
        assertEquals(7, a.used(""));
        String before = table.get(SharedUsageLedger.PREFIX);
        Ledger.Reservation unlimited = b.reserve("", 50, OptionalLong.empty());
        assertEquals(before, table.get(SharedUsageLedger.PREFIX), "no reservation written");
        unlimited.commit(() -> grow(50));
        assertEquals(57, a.used(""));
    }

    @Test
    void racingNodesAdmitOnlyWhatFits() throws Exception {
        disk.set(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> uploads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SharedUsageLedger on = i % 2 == 0 ? a : b;
                uploads.add(() -> {
                    try {
                        on.reserve("", 10, QUOTA_100).commit(() -> grow(10));
                        return true;
                    } catch (QuotaExceeded e) {
                        return false;
                    }
                });
            }
            long admitted = 0;
            for (Future<Boolean> f : pool.invokeAll(uploads)) {
                admitted += f.get() ? 1 : 0;
            }
            assertEquals(10, admitted);
            assertEquals(100, disk.get());
            assertEquals(100, a.used(""));
            assertEquals(100, b.used(""));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDepartedNodesReservationGoesAndItsAccountIsCountedAgain() throws Exception {
        disk.set(10);
        b.reserve("alice", 80, QUOTA_100);
        disk.addAndGet(30); // b wrote a partial, then died before counting it
        members.remove("b");
        a.departed();
        assertEquals(40, a.used("alice"), "walked again");
        assertEquals(2, walks.get());
        assertThrows(QuotaExceeded.class, () -> a.reserve("alice", 61, QUOTA_100));
        a.reserve("alice", 60, QUOTA_100).close();
        assertTrue(table.get(SharedUsageLedger.PREFIX + "alice").startsWith("40"), table::toString);
    }
}
