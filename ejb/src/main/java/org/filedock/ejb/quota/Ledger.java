package org.filedock.ejb.quota;

import java.util.OptionalLong;

/**
 * The usage of each account and the bytes reserved by uploads in progress: kept in this JVM
 * ({@link UsageLedger}), or shared by the nodes of a cluster ({@link SharedUsageLedger}).
 */
public interface Ledger {

    /** The account's usage (files and partials, not reservations); counted at the first call. */
    long used(String account);

    /**
     * Admits an upload that will grow the account's usage by {@code growth} bytes (negative when
     * it shrinks it), reserving them until the reservation commits or closes.
     *
     * @throws QuotaExceeded if the usage with what uploads in progress reserved and this growth
     *         would exceed the quota; nothing is reserved then
     */
    Reservation reserve(String account, long growth, OptionalLong quota) throws QuotaExceeded;

    /** Makes a change of the account's bytes and counts its effect (if the account is counted yet). */
    <E extends Exception> void change(String account, UsageLedger.Change<E> change) throws E;

    /** The bytes an admitted upload may add; released by {@link #commit} or {@link #close}. */
    interface Reservation extends AutoCloseable {

        /** Makes the upload's change and counts it in the same step as it gives the reservation back. */
        <E extends Exception> void commit(UsageLedger.Change<E> change) throws E;

        @Override
        void close();
    }
}
