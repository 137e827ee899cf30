package org.filedock.api.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.filedock.api.history.TransferChannel;
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferOutcome;

/**
 * Shows the counters to a Micrometer registry as function counters and gauges, read only when
 * the registry is scraped. The names, as Prometheus shows them, are listed in the README
 * ("Metrics for Prometheus"); tag values are lower case but for command words and error codes,
 * which are shown as they go on the wire.
 * <p>
 * Only the registry's by-name methods are used ({@code more().counter(name, tags, ...)},
 * {@code gauge(name, tags, ...)}): the registry WildFly gives a deployment passes those on to the
 * exported registries, while a meter built with a builder stays in the deployment's own registry
 * and is never exported. So the meters carry no description or base unit; the unit is in the name.
 * A gauge holds its object weakly: this instance holds each one, and must be held while the
 * application runs. The meters must be removed when the application stops ({@link #unbind()}): the
 * registry outlives a deployment and hands an existing meter back to whoever registers its name
 * again, so a redeployed FileDock would otherwise be shown the old deployment's counters.
 */
public final class FileDockMeters {

    private final ConnectionCounts connections;
    private final IntSupplier openConnections;
    private final CommandCounts commands;
    private final TransferCounts transfers;
    private final LockCounts locks;
    private final QueueDepth historyQueue;
    // added to from a command's thread when a new word is first counted
    private final List<Meter.Id> registered = new CopyOnWriteArrayList<>();
    private volatile MeterRegistry boundTo;

    public FileDockMeters(ConnectionCounts connections, IntSupplier openConnections, CommandCounts commands,
                          TransferCounts transfers, LockCounts locks, QueueDepth historyQueue) {
        this.connections = connections;
        this.openConnections = openConnections;
        this.commands = commands;
        this.transfers = transfers;
        this.locks = locks;
        this.historyQueue = historyQueue;
    }

    /**
     * Binds {@code meters} to the {@link MeterRegistry} the deployment's CDI container offers.
     *
     * @return {@code meters}, or {@code null} when there is no registry
     */
    static FileDockMeters bindToDeploymentRegistry(BeanManager beans, FileDockMeters meters) {
        Instance<MeterRegistry> registry = beans.createInstance().select(MeterRegistry.class);
        if (!registry.isResolvable()) {
            return null;
        }
        meters.bindTo(registry.get());
        return meters;
    }

    public void bindTo(MeterRegistry registry) {
        boundTo = registry;
        counter(registry, "filedock.connections.accepted", Tags.empty(), connections, ConnectionCounts::acceptedTotal);
        counter(registry, "filedock.connections.refused", Tags.empty(), connections, ConnectionCounts::refusedTotal);
        gauge(registry, "filedock.connections.open", Tags.empty(), openConnections, IntSupplier::getAsInt);
        commands.eachWord((word, count) -> counter(registry, "filedock.commands", Tags.of("command", word), count,
                LongAdder::doubleValue));
        commands.errorCounts().forEach((code, count) -> counter(registry, "filedock.command.errors",
                Tags.of("code", code.name()), count, LongAdder::doubleValue));
        bindTransfers(registry);
        bindLocks(registry);
        gauge(registry, "filedock.history.queue.depth", Tags.empty(), historyQueue, QueueDepth::depth);
    }

    /** Removes every meter {@link #bindTo} registered, and registers no more. */
    public void unbind() {
        MeterRegistry registry = boundTo;
        if (registry == null) {
            return;
        }
        commands.eachWord((word, count) -> { });
        boundTo = null;
        registered.forEach(registry::remove);
        registered.clear();
    }

    private void bindTransfers(MeterRegistry registry) {
        for (TransferDirection direction : TransferDirection.values()) {
            Tags way = Tags.of("direction", tagValue(direction));
            gauge(registry, "filedock.transfers.running", way, transfers.running(direction), LongAdder::doubleValue);
            for (TransferChannel channel : TransferChannel.values()) {
                Tags door = way.and("channel", tagValue(channel));
                counter(registry, "filedock.transfer.bytes", door, transfers.bytes(direction, channel),
                        LongAdder::doubleValue);
                for (TransferOutcome outcome : TransferOutcome.values()) {
                    counter(registry, "filedock.transfers", door.and("outcome", tagValue(outcome)),
                            transfers.endedCount(direction, channel, outcome), LongAdder::doubleValue);
                }
            }
        }
    }

    private void bindLocks(MeterRegistry registry) {
        for (LockCounts.Kind kind : LockCounts.Kind.values()) {
            for (LockCounts.Result result : LockCounts.Result.values()) {
                counter(registry, "filedock.lock.requests", Tags.of("kind", tagValue(kind), "result", tagValue(result)),
                        locks.requests(kind, result), LongAdder::doubleValue);
            }
        }
        counter(registry, "filedock.lock.waits", Tags.empty(), locks, LockCounts::waits);
        counter(registry, "filedock.lock.wait.seconds", Tags.empty(), locks, LockCounts::waitSeconds);
    }

    private <T> void counter(MeterRegistry registry, String name, Tags tags, T counts, ToDoubleFunction<T> value) {
        registered.add(registry.more().counter(name, tags, counts, value).getId());
    }

    private <T> void gauge(MeterRegistry registry, String name, Tags tags, T source, ToDoubleFunction<T> value) {
        registry.gauge(name, tags, source, value);
        Meter gauge = registry.find(name).tags(tags).gauge();
        if (gauge != null) {
            registered.add(gauge.getId());
        }
    }

    private static String tagValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
