package org.filedock.ejb.lock.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.filedock.api.history.TransferChannel;
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferOutcome;
import org.filedock.ejb.history.recording.FinishedTransfer;
import org.filedock.ejb.history.recording.InFlightTransfer;
import org.junit.jupiter.api.Test;

/**
 * The register of transfers in flight over a real concurrent map shared by three "nodes" (the
 * replicated cache's operations), tasks run at once: what a departed node left is recorded once,
 * by one survivor, and only the lowest-named member sweeps.
 */
class ClusterTransfersTest {

    private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");

    private record TestView(String self, Set<String> memberNames, int configuredSize) implements ClusterView {
    }

    private record Recorded(FinishedTransfer transfer, String node) {
    }

    private final ConcurrentMap<String, String> table = new ConcurrentHashMap<>();
    private final Set<String> members = new CopyOnWriteArraySet<>(List.of("a", "b", "c"));
    private final List<Recorded> recorded = new ArrayList<>();
    private final List<Set<String>> sweeps = new ArrayList<>();

    private final ClusterLockManager a = new ClusterLockManager(table, new TestView("a", members, 3));
    private final ClusterLockManager b = new ClusterLockManager(table, new TestView("b", members, 3));
    private final ClusterLockManager c = new ClusterLockManager(table, new TestView("c", members, 3));
    private final ClusterTransfers onA = transfersOf(a);
    private final ClusterTransfers onB = transfersOf(b);
    private final ClusterTransfers onC = transfersOf(c);

    private ClusterTransfers transfersOf(ClusterLockManager locks) {
        return new ClusterTransfers(table, locks, Runnable::run, new ClusterTransfers.Departures() {
            @Override
            public void record(FinishedTransfer transfer, String node) {
                recorded.add(new Recorded(transfer, node));
            }

            @Override
            public int sweep(Set<String> nodes, Instant before) {
                sweeps.add(Set.copyOf(nodes));
                return 0;
            }
        }, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static InFlightTransfer upload(String id, String path, String user) {
        return new InFlightTransfer(id, TransferDirection.UPLOAD, path, "127.0.0.1:5000", user, 1000, 10,
                NOW.minusSeconds(5), "u-" + id, TransferChannel.PROTOCOL);
    }

    @Test
    void aDepartedNodesTransfersAreRecordedAbortedOnceInItsName() {
        onC.started(upload("1", "/odd|name%7C ~.bin", "ann"));
        onC.started(upload("2", "/x", null));
        onC.ended("2");
        onA.started(upload("3", "/y", "bob"));
        members.remove("c");

        onA.reapDeparted();
        onB.reapDeparted();

        assertEquals(1, recorded.size(), () -> "recorded: " + recorded);
        FinishedTransfer t = recorded.get(0).transfer();
        assertEquals("c", recorded.get(0).node());
        assertEquals(TransferOutcome.ABORTED, t.outcome());
        assertEquals("/odd|name%7C ~.bin", t.path());
        assertEquals("ann", t.user());
        assertEquals("u-1", t.uploadId());
        assertEquals(10, t.bytesMoved());
        assertEquals(NOW, t.endedAt());
        assertTrue(table.containsKey(ClusterTransfers.PREFIX + "3"), "a live node's transfer stays");
        assertEquals(List.of(Set.of("c")), sweeps, "only the lowest-named member sweeps, the departed node");
    }

    @Test
    void anEndedTransferLeavesNoEntryAndAUserlessOneRoundTrips() {
        onB.started(upload("4", "/z", null));
        ClusterTransfers.Announced back = ClusterTransfers.decode(table.get(ClusterTransfers.PREFIX + "4"));
        assertEquals("b", back.node());
        assertNull(back.transfer().user());
        assertEquals(upload("4", "/z", null), back.transfer());
        onB.ended("4");
        assertEquals(0, table.keySet().stream().filter(k -> k.startsWith(ClusterTransfers.PREFIX)).count());
        assertEquals(0, a.lockedPathCount());
    }

    @Test
    void aRestartedNodesTransfersOfItsEarlierRunAreRecordedAtItsStart() {
        onC.started(upload("5", "/w", "cy"));
        ClusterLockManager cAgain = new ClusterLockManager(table, new TestView("c", members, 3));
        transfersOf(cAgain).reapDeparted();
        assertEquals(1, recorded.size());
        assertEquals("c", recorded.get(0).node());
        assertTrue(sweeps.isEmpty(), "no member departed");
    }
}
