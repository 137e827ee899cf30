package org.filedock.ejb.quota;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The usage of each account (contract §13: the bytes of its files and of its partial data),
 * counted by one walk when it is first needed and then kept current with the effect of every
 * change, and the bytes reserved by the uploads in progress.
 *
 * <p>A change (delete, commit, a partial grown or dropped) runs inside {@link #change}, under
 * the account's shared lock; the walk takes it exclusively. So a walk sees a change and its
 * count neither or both, however sessions interleave. An upload is admitted only once its
 * account is counted, so no upload is ever running while a walk counts.
 *
 * <p>An account is a user name, or {@code ""} for the shared root ({@code filedock.auth=none}).
 */
public final class UsageLedger implements Ledger {

    /** Counts an account's bytes from the disk. */
    @FunctionalInterface
    public interface Walker {
        long walk(String account) throws IOException;
    }

    /** A change of an account's bytes. */
    @FunctionalInterface
    public interface Change<E extends Exception> {
        /** Makes the change; @return by how many bytes it changed the usage */
        long apply() throws E;
    }

    private final Walker walker;
    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();

    public UsageLedger(Walker walker) {
        this.walker = walker;
    }

    /** The account's usage (files and partials, not reservations); walks at the first call. */
    @Override
    public long used(String account) {
        Account a = counted(account);
        synchronized (a) {
            return a.used;
        }
    }

    /**
     * Admits an upload that will grow the account's usage by {@code growth} bytes (negative when
     * it shrinks it), reserving them until the reservation commits or closes.
     *
     * @throws QuotaExceeded if the usage with what uploads in progress reserved and this growth
     *         would exceed the quota; nothing is reserved then
     */
    @Override
    public Reservation reserve(String account, long growth, OptionalLong quota) throws QuotaExceeded {
        Account a = counted(account);
        long reserved = Math.max(0, growth);
        synchronized (a) {
            long taken = a.used + a.reserved;
            if (growth > 0 && quota.isPresent() && taken + growth > quota.getAsLong()) {
                throw new QuotaExceeded(taken, quota.getAsLong());
            }
            a.reserved += reserved;
        }
        return new Reservation(a, reserved);
    }

    /** Makes a change of the account's bytes and counts its effect (if the account is counted yet). */
    @Override
    public <E extends Exception> void change(String account, Change<E> change) throws E {
        Account a = accounts.computeIfAbsent(account, k -> new Account());
        a.changes.readLock().lock();
        try {
            long delta = change.apply();
            synchronized (a) {
                if (a.counted) {
                    a.used += delta;
                }
            }
        } finally {
            a.changes.readLock().unlock();
        }
    }

    /** What the uploads of an account have reserved; for tests. */
    long reserved(String account) {
        Account a = accounts.get(account);
        if (a == null) {
            return 0;
        }
        synchronized (a) {
            return a.reserved;
        }
    }

    private Account counted(String account) {
        Account a = accounts.computeIfAbsent(account, k -> new Account());
        synchronized (a) {
            if (a.counted) {
                return a;
            }
        }
        a.changes.writeLock().lock();
        try {
            synchronized (a) {
                if (a.counted) {
                    return a;
                }
            }
            long walked = walker.walk(account);
            synchronized (a) {
                a.used = walked;
                a.counted = true;
            }
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the usage of " + (account.isEmpty() ? "the shared root" : account), e);
        } finally {
            a.changes.writeLock().unlock();
        }
    }

    private static final class Account {
        final ReadWriteLock changes = new ReentrantReadWriteLock();
        // guarded by this
        boolean counted;
        long used;
        long reserved;
    }

    /** The bytes an admitted upload may add; released by {@link #commit} or {@link #close}. */
    public static final class Reservation implements Ledger.Reservation {

        private final Account account;
        private final long bytes;
        private boolean released;

        private Reservation(Account account, long bytes) {
            this.account = account;
            this.bytes = bytes;
        }

        /** Makes the upload's change and counts it in the same step as it gives the reservation back. */
        @Override
        public <E extends Exception> void commit(Change<E> change) throws E {
            account.changes.readLock().lock();
            try {
                long delta = change.apply();
                synchronized (account) {
                    account.used += delta;
                    release();
                }
            } finally {
                account.changes.readLock().unlock();
            }
        }

        @Override
        public void close() {
            synchronized (account) {
                release();
            }
        }

        private void release() {
            if (!released) {
                released = true;
                account.reserved -= bytes;
            }
        }
    }
}
