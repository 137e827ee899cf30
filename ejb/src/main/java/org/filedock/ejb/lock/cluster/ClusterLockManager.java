package org.filedock.ejb.lock.cluster;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.filedock.api.CommandException;
import org.filedock.api.metrics.FileDockCounters;
import org.filedock.api.metrics.LockCounts;
import org.filedock.ejb.lock.FileLock;
import org.filedock.ejb.lock.LockManager;
import org.filedock.ejb.lock.LockRequests;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.ErrorCode;

/**
 * {@link LockManager} for a cluster: the locks live in a table shared by every node (a replicated
 * cache), keyed by path, whose entries are changed only by compare-and-set ({@code putIfAbsent},
 * {@code replace(k, old, new)}, {@code remove(k, old)}), so that two nodes never both win. A lock
 * puts one hold, on its own path (one replicated write to take it, one to give it back, however
 * deep the path), and then reads the table, which every member holds whole: a lock is refused if
 * a directory above it is being changed, and a change lock if anything below it is held. A lock
 * and a change above it that come at once both write before they read, so one of them at least
 * sees the other. A refused lock gives back its hold.
 *
 * <p>Holds name their node and the node's incarnation (one per start, registered under
 * {@code @node:<name>}): a hold whose node left the view, or whose node has started again since,
 * is dropped whenever its entry is changed, and {@link #reapDeparted()} sweeps the table when the
 * view changes. Write locks (upload, change) are refused without a majority of the configured
 * members.
 */
public final class ClusterLockManager implements LockManager, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClusterLockManager.class.getName());
    private static final String INCARNATION_PREFIX = "@node:";
    /** Keys that are no path: the nodes' incarnations, the transfers in flight ({@link ClusterTransfers}). */
    static final String META_PREFIX = "@";
    /**
     * How long a lock keeps trying when its compare-and-set loses to compatible changes of the same
     * entry (many downloads of one file) before it answers BUSY.
     */
    private static final long CONTENDED_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** The longest pause between two tries, in microseconds; the pause grows from 1 µs, randomized. */
    private static final long MAX_BACKOFF_MICROS = 2_000;

    private final ConcurrentMap<String, String> table;
    private final ClusterView view;
    private final String incarnation = UUID.randomUUID().toString();
    private final Runnable detach;
    private final List<Runnable> afterReaping = new CopyOnWriteArrayList<>();

    public ClusterLockManager(ConcurrentMap<String, String> table, ClusterView view) {
        this(table, view, () -> { });
    }

    /** @param detach run by {@link #close()}: unhooks what watches the view for this manager */
    public ClusterLockManager(ConcurrentMap<String, String> table, ClusterView view, Runnable detach) {
        this.table = table;
        this.view = view;
        this.detach = detach;
        // holds left by an earlier run of this node become stale at once
        table.put(INCARNATION_PREFIX + view.self(), incarnation);
    }

    @Override
    public FileLock lockForUpload(StoragePath file) throws CommandException {
        return LockRequests.counted(LockCounts.Kind.UPLOAD, () -> lock(file, HoldKind.UPLOAD));
    }

    @Override
    public FileLock lockForDownload(StoragePath file) throws CommandException {
        return LockRequests.counted(LockCounts.Kind.DOWNLOAD, () -> lock(file, HoldKind.DOWNLOAD));
    }

    /** The root is never changed (the commands refuse it before they lock). */
    @Override
    public FileLock lockForChange(StoragePath path) throws CommandException {
        if (path.isRoot()) {
            throw new CommandException(ErrorCode.FORBIDDEN, "the root cannot be changed");
        }
        return LockRequests.counted(LockCounts.Kind.CHANGE, () -> lock(path, HoldKind.CHANGE));
    }

    /** Drops the holds of departed members and earlier incarnations from every entry. */
    public void reapDeparted() {
        for (Map.Entry<String, String> entry : List.copyOf(table.entrySet())) {
            if (entry.getKey().startsWith(META_PREFIX)) {
                continue;
            }
            Holds holds = Holds.parse(entry.getValue());
            Holds live = holds.keep(this::isLive);
            if (live != holds) {
                boolean swept = live.isEmpty() ? table.remove(entry.getKey(), entry.getValue())
                        : table.replace(entry.getKey(), entry.getValue(), live.encode());
                if (swept) {
                    LOG.info("lock table: freed " + (holds.all().size() - live.all().size())
                            + " hold(s) of departed members on " + entry.getKey());
                }
            }
        }
        afterReaping.forEach(Runnable::run);
    }

    /**
     * The register of this node's transfers in flight, in this table; it looks for what departed
     * nodes left whenever {@link #reapDeparted()} runs.
     */
    public ClusterTransfers transfers(Executor executor, ClusterTransfers.Departures departures) {
        ClusterTransfers transfers = new ClusterTransfers(table, this, executor, departures, Clock.systemUTC());
        afterReaping(transfers::reapLater);
        return transfers;
    }

    /** What {@link #reapDeparted()} does next, on the same thread: what else a departed node left. */
    public void afterReaping(Runnable next) {
        afterReaping.add(next);
    }

    /** The table, for other cluster-wide bookkeeping under keys beginning with {@code @}. */
    public ConcurrentMap<String, String> table() {
        return table;
    }

    /**
     * The names of the nodes that joined the table once (since the cluster began) and are not
     * members now: departed, or stopped.
     */
    Set<String> departedNodes() {
        Set<String> members = view.memberNames();
        return table.keySet().stream().filter(k -> k.startsWith(INCARNATION_PREFIX))
                .map(k -> k.substring(INCARNATION_PREFIX.length())).filter(node -> !members.contains(node))
                .collect(Collectors.toSet());
    }

    /** Whether the node of this incarnation is a member now, in that incarnation. */
    public boolean isLive(String node, String nodeIncarnation) {
        return view.memberNames().contains(node) && nodeIncarnation.equals(table.get(INCARNATION_PREFIX + node));
    }

    public ClusterView view() {
        return view;
    }

    /** This node's incarnation: a random id of this start. */
    public String incarnation() {
        return incarnation;
    }

    /** The application stops: the view is no longer watched for it (its locks end with their sessions). */
    @Override
    public void close() {
        detach.run();
    }

    /** How many paths hold a lock now, on any node; for tests and monitoring. */
    public long lockedPathCount() {
        return table.keySet().stream().filter(k -> !k.startsWith(META_PREFIX)).count();
    }

    @Override
    public String toString() {
        return "locks in the cluster's lock table as " + view.self() + " (" + view.memberNames().size() + " of "
                + view.configuredSize() + " members)";
    }

    private FileLock lock(StoragePath path, HoldKind kind) throws CommandException {
        if (kind.writes() && !view.hasMajority()) {
            throw new CommandException(ErrorCode.BUSY, "the cluster has no majority ("
                    + view.memberNames().size() + " of " + view.configuredSize() + " members): " + path
                    + " cannot be locked for writing");
        }
        Granted granted = new Granted(kind + " lock on " + path);
        try {
            granted.take(path.toString(), kind, path);
            // only now, with the hold replicated to every member, look above and below: of a change
            // lock and a lock below it taken at once, each writes before it reads, so at least one
            // sees the other and gives way (both may)
            for (StoragePath at = path.parent(); !at.isRoot(); at = at.parent()) {
                Optional<Hold> change = liveHolds(at.toString()).all().stream()
                        .filter(h -> h.kind() == HoldKind.CHANGE).findFirst();
                if (change.isPresent()) {
                    throw busy(at.toString(), change.get(), path);
                }
            }
            if (kind == HoldKind.CHANGE && holdsBelow(path)) {
                throw new CommandException(ErrorCode.BUSY, path + " holds a file in transfer");
            }
            return granted;
        } catch (CommandException | RuntimeException e) {
            granted.close();
            throw e;
        }
    }

    private Holds liveHolds(String key) {
        return Holds.parse(table.get(key)).keep(this::isLive);
    }

    /** Whether a live hold is on any path below this directory (a local scan of the replicated table). */
    private boolean holdsBelow(StoragePath directory) {
        String prefix = directory + "/";
        return table.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix)
                && !Holds.parse(e.getValue()).keep(this::isLive).isEmpty());
    }

    private static void backOff(int round) {
        long ceiling = Math.min(MAX_BACKOFF_MICROS, 1L << Math.min(round, 20));
        long began = System.nanoTime();
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(1 + ThreadLocalRandom.current().nextLong(ceiling)));
        FileDockCounters.LOCKS.waited(System.nanoTime() - began);
    }

    private boolean isLive(Hold hold) {
        return isLive(hold.node(), hold.incarnation());
    }

    private static CommandException busy(String key, Hold conflict, StoragePath wanted) {
        String message = switch (conflict.kind()) {
            case UPLOAD -> key + " is being uploaded";
            case DOWNLOAD -> key + " is being downloaded";
            case CHANGE -> key + " is being changed";
        };
        return new CommandException(ErrorCode.BUSY, message);
    }

    /** The holds one lock has taken, released in reverse order. */
    private final class Granted implements FileLock {
        private final String description;
        private final String token = UUID.randomUUID().toString();
        private final List<String> keys = new ArrayList<>();
        private final AtomicBoolean released = new AtomicBoolean();

        Granted(String description) {
            this.description = description;
        }

        void take(String key, HoldKind kind, StoragePath wanted) throws CommandException {
            Hold mine = new Hold(kind, view.self(), incarnation, token);
            long deadline = System.nanoTime() + CONTENDED_NANOS;
            for (int round = 0; System.nanoTime() - deadline < 0; round++) {
                String current = table.get(key);
                Holds holds = Holds.parse(current).keep(ClusterLockManager.this::isLive);
                Optional<Hold> conflict = holds.conflictWith(kind);
                if (conflict.isPresent()) {
                    throw busy(key, conflict.get(), wanted);
                }
                String next = holds.with(mine).encode();
                boolean won = current == null ? table.putIfAbsent(key, next) == null
                        : table.replace(key, current, next);
                if (won) {
                    keys.add(key);
                    return;
                }
                backOff(round);
            }
            throw new CommandException(ErrorCode.BUSY, key + " is contended");
        }

        @Override
        public void close() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            for (int i = keys.size() - 1; i >= 0; i--) {
                giveBack(keys.get(i));
            }
        }

        private void giveBack(String key) {
            for (int round = 0; ; round++) {
                String current = table.get(key);
                if (current == null) {
                    return;
                }
                Holds rest = Holds.parse(current).withoutToken(token).keep(ClusterLockManager.this::isLive);
                boolean done = rest.isEmpty() ? table.remove(key, current) : table.replace(key, current, rest.encode());
                if (done) {
                    return;
                }
                backOff(round);
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
