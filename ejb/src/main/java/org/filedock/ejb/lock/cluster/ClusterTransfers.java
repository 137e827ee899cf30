package org.filedock.ejb.lock.cluster;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.filedock.api.history.TransferChannel;
import org.filedock.api.history.TransferDirection;
import org.filedock.ejb.history.recording.FinishedTransfer;
import org.filedock.ejb.history.recording.InFlightTransfer;
import org.filedock.ejb.history.recording.InFlightTransfers;
import org.filedock.ejb.storage.LocalDiskStorage;

/**
 * The transfers in flight on every node, in the lock table under {@code @transfer:<id>}, so that
 * when a node dies one of the others records its unfinished transfers {@code ABORTED} (naming the
 * dead node) and removes its upload temporaries from the shared root.
 *
 * <p>A node writes an entry when a transfer has run a little while ({@link InFlightTransfers})
 * and removes it when the transfer ends, both off the transfer's thread, in that order. When a
 * member leaves (and when a node starts), every node looks for entries of nodes that are not
 * members in the incarnation that wrote them; the one whose {@code remove(key, value)} wins
 * records the transfer, so it is recorded once (and its id, the history's key, would refuse a
 * second row anyway). The lowest-named member sweeps the departed nodes' temporaries.
 */
public final class ClusterTransfers implements InFlightTransfers {

    static final String PREFIX = ClusterLockManager.META_PREFIX + "transfer:";

    /** What a survivor does with what a departed node left. */
    public interface Departures {
        /** Records a transfer of {@code node} that its death ended. */
        void record(FinishedTransfer transfer, String node);

        /** Deletes the upload temporaries {@code nodes} last wrote before {@code before}. */
        int sweep(Set<String> nodes, Instant before);
    }

    private static final Logger LOG = Logger.getLogger(ClusterTransfers.class.getName());

    private final ConcurrentMap<String, String> table;
    private final ClusterLockManager locks;
    private final Executor executor;
    private final Departures departures;
    private final Clock clock;
    private final Map<String, CompletableFuture<?>> announced = new ConcurrentHashMap<>();

    public ClusterTransfers(ConcurrentMap<String, String> table, ClusterLockManager locks, Executor executor,
                            Departures departures, Clock clock) {
        this.table = table;
        this.locks = locks;
        this.executor = executor;
        this.departures = departures;
        this.clock = clock;
    }

    /** Departures of the table's {@link ClusterLockManager}: the history and the shared root. */
    public static Departures departures(BiConsumer<FinishedTransfer, String> history,
                                        Path root) {
        return new Departures() {
            @Override
            public void record(FinishedTransfer transfer, String node) {
                history.accept(transfer, node);
            }

            @Override
            public int sweep(Set<String> nodes, Instant before) {
                return LocalDiskStorage.sweepTemporaryFilesOf(root, nodes, before);
            }
        };
    }

    @Override
    public void started(InFlightTransfer transfer) {
        String value = encode(locks.view().self(), locks.incarnation(), transfer);
        announced.put(transfer.id(), CompletableFuture.runAsync(() -> table.put(PREFIX + transfer.id(), value),
                executor));
    }

    @Override
    public void ended(String id) {
        CompletableFuture<?> put = announced.remove(id);
        if (put != null) {
            put.whenCompleteAsync((done, failure) -> table.remove(PREFIX + id), executor);
        }
    }

    /** Looks for what departed nodes left, on the executor. */
    public void reapLater() {
        executor.execute(this::reapDeparted);
    }

    /** Records the departed nodes' transfers and sweeps their temporaries. */
    void reapDeparted() {
        Instant seen = clock.instant();
        int recorded = 0;
        for (Map.Entry<String, String> entry : List.copyOf(table.entrySet())) {
            if (!entry.getKey().startsWith(PREFIX)) {
                continue;
            }
            Announced transfer;
            try {
                transfer = decode(entry.getValue());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "dropping a broken transfer entry " + entry.getKey(), e);
                table.remove(entry.getKey(), entry.getValue());
                continue;
            }
            if (!locks.isLive(transfer.node(), transfer.incarnation())
                    && table.remove(entry.getKey(), entry.getValue())) {
                try {
                    departures.record(transfer.transfer().abortedAt(seen), transfer.node());
                    recorded++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "cannot record the transfer " + transfer.transfer().id() + " of "
                            + transfer.node() + " as aborted", e);
                }
            }
        }
        if (recorded > 0) {
            LOG.info("recorded " + recorded + " transfer(s) of departed nodes as ABORTED");
        }
        Set<String> departed = locks.departedNodes();
        if (!departed.isEmpty() && isSweeper()) {
            int swept = departures.sweep(departed, seen);
            if (swept > 0) {
                LOG.info("deleted " + swept + " temporary upload file(s) of departed nodes " + departed);
            }
        }
    }

    private boolean isSweeper() {
        ClusterView view = locks.view();
        return view.memberNames().stream().sorted().findFirst().map(view.self()::equals).orElse(false);
    }

    record Announced(String node, String incarnation, InFlightTransfer transfer) {
    }

    static String encode(String node, String incarnation, InFlightTransfer t) {
        return Arrays.stream(new String[] {node, incarnation, t.id(), t.direction().name(), t.channel().name(),
                t.startedAt().toString(), Long.toString(t.declaredSize()), Long.toString(t.bytesMoved()),
                t.uploadId(), t.user(), t.clientAddress(), t.path()})
                .map(f -> f == null ? "~" : URLEncoder.encode(f, StandardCharsets.UTF_8))
                .collect(Collectors.joining("|"));
    }

    static Announced decode(String value) {
        List<String> f = Arrays.stream(value.split("\\|", -1))
                .map(x -> x.equals("~") ? null : URLDecoder.decode(x, StandardCharsets.UTF_8)).toList();
        if (f.size() != 12) {
            throw new IllegalArgumentException("not a transfer entry: " + value);
        }
        return new Announced(f.get(0), f.get(1), new InFlightTransfer(f.get(2), TransferDirection.valueOf(f.get(3)),
                f.get(11), f.get(10), f.get(9), Long.parseLong(f.get(6)), Long.parseLong(f.get(7)),
                Instant.parse(f.get(5)), f.get(8), TransferChannel.valueOf(f.get(4))));
    }
}
