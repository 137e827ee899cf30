package org.filedock.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.filedock.api.history.TransferChannel;
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferOutcome;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;
import org.junit.jupiter.api.Test;

/** The meters read the counters when asked, whenever the counting happened. */
class FileDockMetersTest {

    private final ConnectionCounts connections = new ConnectionCounts();
    private final AtomicInteger open = new AtomicInteger();
    private final CommandCounts commands = new CommandCounts();
    private final TransferCounts transfers = new TransferCounts();
    private final LockCounts locks = new LockCounts();
    private final QueueDepth queue = new QueueDepth();
    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void unbindingRemovesEveryMeterSoThatANewBindingIsShown() {
        FileDockMeters first = new FileDockMeters(connections, open::get, commands, transfers, locks, queue);
        first.bindTo(registry);
        commands.answered("PWD", Reply.ok("/"));
        int meters = registry.getMeters().size();

        first.unbind();
        commands.answered("MKDIR", Reply.ok("a created"));

        assertEquals(0, registry.getMeters().size(), "nothing is left of " + meters + " meters");
        CommandCounts redeployed = new CommandCounts();
        redeployed.answered("PWD", Reply.ok("/"));
        new FileDockMeters(new ConnectionCounts(), () -> 0, redeployed, new TransferCounts(), new LockCounts(),
                new QueueDepth()).bindTo(registry);
        assertEquals(1, registry.get("filedock.commands").tag("command", "PWD").functionCounter().count());
        assertEquals(meters, registry.getMeters().size());
    }

    @Test
    void showsEveryCounter() {
        commands.answered("STAT", Reply.ok("file 3"));
        new FileDockMeters(connections, open::get, commands, transfers, locks, queue).bindTo(registry);

        connections.accepted();
        connections.accepted();
        connections.refused();
        open.set(5);
        commands.answered("STAT", Reply.ok("file 3"));
        commands.answered("DELETE", Reply.error(ErrorCode.BUSY, "being downloaded"));
        transfers.started(TransferDirection.UPLOAD);
        transfers.started(TransferDirection.UPLOAD);
        transfers.ended(TransferDirection.UPLOAD, TransferChannel.HTTP, TransferOutcome.ABORTED, 1000);
        transfers.started(TransferDirection.DOWNLOAD);
        transfers.ended(TransferDirection.DOWNLOAD, TransferChannel.PROTOCOL, TransferOutcome.COMPLETED, 7);
        locks.requested(LockCounts.Kind.CHANGE, LockCounts.Result.BUSY);
        locks.waited(2_000_000);
        queue.publish(() -> 4);

        assertEquals(2, counter("filedock.connections.accepted"));
        assertEquals(1, counter("filedock.connections.refused"));
        assertEquals(5, registry.get("filedock.connections.open").gauge().value());
        assertEquals(2, registry.get("filedock.commands").tag("command", "STAT").functionCounter().count());
        assertEquals(1, registry.get("filedock.commands").tag("command", "DELETE").functionCounter().count());
        assertEquals(1, registry.get("filedock.command.errors").tag("code", "BUSY").functionCounter().count());
        assertEquals(1, registry.get("filedock.transfers.running").tag("direction", "upload").gauge().value());
        assertEquals(0, registry.get("filedock.transfers.running").tag("direction", "download").gauge().value());
        assertEquals(1000, registry.get("filedock.transfer.bytes").tags("direction", "upload", "channel", "http")
                .functionCounter().count());
        assertEquals(7, registry.get("filedock.transfer.bytes").tags("direction", "download", "channel", "protocol")
                .functionCounter().count());
        assertEquals(1, registry.get("filedock.transfers")
                .tags("direction", "upload", "channel", "http", "outcome", "aborted").functionCounter().count());
        assertEquals(1, registry.get("filedock.transfers")
                .tags("direction", "download", "channel", "protocol", "outcome", "completed").functionCounter().count());
        assertEquals(1, registry.get("filedock.lock.requests").tags("kind", "change", "result", "busy")
                .functionCounter().count());
        assertEquals(1, counter("filedock.lock.waits"));
        assertEquals(0.002, counter("filedock.lock.wait.seconds"), 1e-9);
        assertEquals(4, registry.get("filedock.history.queue.depth").gauge().value());
    }

    private double counter(String name) {
        return registry.get(name).functionCounter().count();
    }
}
