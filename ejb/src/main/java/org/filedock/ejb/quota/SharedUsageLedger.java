package org.filedock.ejb.quota;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The usage ledger of a cluster: each account's usage and the reservations of the uploads in
 * progress on every node live in one entry of the cluster's replicated table,
 * {@code @usage:<account>} = {@code <used>;<node>|<incarnation>|<token>|<bytes>;...}, changed
 * only by compare-and-set. So a quota holds for the cluster (two nodes admitting uploads at once
 * see each other's reservations; one compare-and-set decides) and {@code USAGE} is the same on
 * every node.
 *
 * <p>An account is counted by one walk of the shared root, by whichever node needs it first; a
 * node's own changes wait for its walk (as in {@link UsageLedger}). Reservations of nodes that
 * are no longer members, in the incarnation that made them, are dropped; and because such a
 * node may have changed the disk without counting it (a partial grown, a commit half done), an
 * entry that held one is marked uncounted ({@code ?}) and walked again when next needed.
 */
public final class SharedUsageLedger implements Ledger {

    static final String PREFIX = "@usage:";
    private static final Logger LOG = Logger.getLogger(SharedUsageLedger.class.getName());
    private static final long UNCOUNTED = -1;
    private static final long MAX_BACKOFF_MICROS = 1_000;

    private final UsageLedger.Walker walker;
    private final ConcurrentMap<String, String> table;
    private final String node;
    private final String incarnation;
    private final BiPredicate<String, String> live;
    private final Map<String, ReadWriteLock> changes = new ConcurrentHashMap<>();

    /**
     * @param live whether a node, in an incarnation, is a member now
     */
    public SharedUsageLedger(UsageLedger.Walker walker, ConcurrentMap<String, String> table, String node,
                             String incarnation, BiPredicate<String, String> live) {
        this.walker = walker;
        this.table = table;
        this.node = node;
        this.incarnation = incarnation;
        this.live = live;
    }

    @Override
    public long used(String account) {
        return counted(account).used();
    }

    @Override
    public Ledger.Reservation reserve(String account, long growth, OptionalLong quota) throws QuotaExceeded {
        long bytes = Math.max(0, growth);
        if (quota.isEmpty() || bytes == 0) {
            // nothing to hold against a quota: no replicated write before the upload; its commit counts it
            return new Shared(account, null);
        }
        Held mine = new Held(node, incarnation, UUID.randomUUID().toString(), bytes);
        for (int round = 0; ; round++) {
            String current = table.get(key(account));
            if (current == null || Entry.parse(current).used() == UNCOUNTED) {
                counted(account);
                continue;
            }
            Entry now = Entry.parse(current).liveOnly(live);
            long taken = now.used() + now.reserved();
            if (taken + growth > quota.getAsLong()) {
                throw new QuotaExceeded(taken, quota.getAsLong());
            }
            if (table.replace(key(account), current, now.with(mine).encode())) {
                return new Shared(account, mine);
            }
            backOff(round);
        }
    }

    @Override
    public <E extends Exception> void change(String account, UsageLedger.Change<E> change) throws E {
        ReadWriteLock lock = lockOf(account);
        lock.readLock().lock();
        try {
            long delta = change.apply();
            if (delta != 0) {
                update(account, entry -> entry.plus(delta));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Marks uncounted every account that a departed node held a reservation of: it may have
     * changed the disk without counting it. Its reservations go, the live ones stay.
     */
    public void departed() {
        for (Map.Entry<String, String> e : List.copyOf(table.entrySet())) {
            if (!e.getKey().startsWith(PREFIX)) {
                continue;
            }
            Entry entry = Entry.parse(e.getValue());
            Entry now = entry.liveOnly(live);
            if (now.held().size() != entry.held().size()
                    && table.replace(e.getKey(), e.getValue(), new Entry(UNCOUNTED, now.held()).encode())) {
                LOG.info("usage of " + e.getKey().substring(PREFIX.length())
                        + " will be counted again: a departed node had an upload in it");
            }
        }
    }

    private static String key(String account) {
        return PREFIX + account;
    }

    private ReadWriteLock lockOf(String account) {
        return changes.computeIfAbsent(account, k -> new ReentrantReadWriteLock());
    }

    /** The account's entry, counted: walks the disk if no node has counted it. */
    private Entry counted(String account) {
        String current = table.get(key(account));
        if (current != null) {
            Entry entry = Entry.parse(current);
            if (entry.used() != UNCOUNTED) {
                return entry;
            }
        }
        ReadWriteLock lock = lockOf(account);
        lock.writeLock().lock();
        try {
            long walked = walker.walk(account);
            for (int round = 0; ; round++) {
                current = table.get(key(account));
                Entry entry = current == null ? new Entry(UNCOUNTED, List.of()) : Entry.parse(current);
                if (entry.used() != UNCOUNTED) {
                    return entry; // another node counted it meanwhile
                }
                Entry next = new Entry(walked, entry.liveOnly(live).held());
                boolean won = current == null ? table.putIfAbsent(key(account), next.encode()) == null
                        : table.replace(key(account), current, next.encode());
                if (won) {
                    return next;
                }
                backOff(round);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the usage of "
                    + (account.isEmpty() ? "the shared root" : account), e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Changes the account's entry, if it is counted; reservations of departed nodes go. */
    private void update(String account, UnaryOperator<Entry> how) {
        for (int round = 0; ; round++) {
            String current = table.get(key(account));
            if (current == null) {
                return;
            }
            Entry entry = Entry.parse(current);
            String next = how.apply(entry.liveOnly(live)).encode();
            if (next.equals(current) || table.replace(key(account), current, next)) {
                return;
            }
            backOff(round);
        }
    }

    private static void backOff(int round) {
        long ceiling = Math.min(MAX_BACKOFF_MICROS, 1L << Math.min(round, 20));
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(1 + ThreadLocalRandom.current().nextLong(ceiling)));
    }

    /** One upload's reservation in an entry. */
    record Held(String node, String incarnation, String token, long bytes) {
        String encode() {
            return node + "|" + incarnation + "|" + token + "|" + bytes;
        }

        static Held parse(String text) {
            String[] f = text.split("\\|", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException("not a reservation: " + text);
            }
            return new Held(f[0], f[1], f[2], Long.parseLong(f[3]));
        }
    }

    /** The value of an account's entry: its usage ({@code -1}: to be counted) and the reservations. */
    record Entry(long used, List<Held> held) {

        static Entry parse(String value) {
            String[] parts = value.split(";");
            long used = parts[0].equals("?") ? UNCOUNTED : Long.parseLong(parts[0]);
            return new Entry(used, Arrays.stream(parts).skip(1).map(Held::parse).toList());
        }

        String encode() {
            StringBuilder text = new StringBuilder(used == UNCOUNTED ? "?" : Long.toString(used));
            held.forEach(h -> text.append(';').append(h.encode()));
            return text.toString();
        }

        long reserved() {
            return held.stream().mapToLong(Held::bytes).sum();
        }

        Entry liveOnly(BiPredicate<String, String> live) {
            List<Held> kept = held.stream().filter(h -> live.test(h.node(), h.incarnation())).toList();
            return kept.size() == held.size() ? this : new Entry(used, kept);
        }

        Entry plus(long delta) {
            return used == UNCOUNTED ? this : new Entry(used + delta, held);
        }

        Entry with(Held h) {
            List<Held> more = new ArrayList<>(held);
            more.add(h);
            return new Entry(used, more);
        }

        Entry without(Held h) {
            return new Entry(used, held.stream().filter(x -> !x.token().equals(h.token())).toList());
        }
    }

    /** A reservation in the shared entry ({@code null} held: nothing to give back). */
    private final class Shared implements Ledger.Reservation {
        private final String account;
        private final Held held;
        private boolean released;

        Shared(String account, Held held) {
            this.account = account;
            this.held = held;
        }

        @Override
        public <E extends Exception> void commit(UsageLedger.Change<E> change) throws E {
            ReadWriteLock lock = lockOf(account);
            lock.readLock().lock();
            try {
                long delta = change.apply();
                released = true;
                update(account, entry -> held == null ? entry.plus(delta) : entry.plus(delta).without(held));
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                if (held != null) {
                    update(account, entry -> entry.without(held));
                }
            }
        }
    }
}
