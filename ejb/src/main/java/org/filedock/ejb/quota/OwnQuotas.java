package org.filedock.ejb.quota;

import java.util.OptionalLong;

/** The quotas administrators set for single users, where {@link QuotaBook} keeps them. */
interface OwnQuotas {

    /** The user's own quota; empty: none set (the default applies). */
    OptionalLong of(String user);

    /** A change an administrator made, stored in the database: it replaces whatever is held. */
    void set(String user, OptionalLong quota);

    /**
     * A quota read from the database at the start: held only if nothing is held for the user
     * yet, so that a change made meanwhile (already stored, then set) is not undone.
     */
    void load(String user, long quota);
}
