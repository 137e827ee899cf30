package org.filedock.ejb.quota;

import java.util.OptionalLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filedock.ejb.lock.LockManager;
import org.filedock.ejb.lock.cluster.ClusterLockManager;

/**
 * Each account's quota: the one an administrator set for the user, or {@code filedock.quota}.
 * Held in memory (an upload asks for it every time): a single server's own, a cluster's in its
 * replicated table, so that a change made on one node holds on every node at once
 * ({@link SharedQuotas}). The stored quotas are loaded at the start ({@link QuotaLoader}) and
 * every change is stored before it is put here ({@link QuotaBean}); the database stays the record.
 */
@ApplicationScoped
public class QuotaBook {

    private final QuotaConfig config = QuotaConfig.fromSystemProperties();

    @Inject
    LockManager locks;

    private OwnQuotas own;

    @PostConstruct
    void start() {
        own = locks instanceof ClusterLockManager cluster ? new SharedQuotas(cluster.table()) : new LocalQuotas();
    }

    /** The quota of an account; the shared root ({@code ""}) always has the default. */
    public OptionalLong quotaOf(String account) {
        OptionalLong set = account.isEmpty() ? OptionalLong.empty() : own.of(account);
        return set.isPresent() ? set : config.defaultQuota();
    }

    /** @param quota the user's own quota, just stored; empty: back to the default */
    void set(String user, OptionalLong quota) {
        own.set(user, quota);
    }

    /** A quota stored earlier, read at the start; a change set since is kept. */
    void load(String user, long quota) {
        own.load(user, quota);
    }
}
