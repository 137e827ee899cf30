package org.filedock.ejb.quota;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each account's quota: the one an administrator set for the user, or {@code filedock.quota}.
 * Held in memory (an upload asks for it every time); the stored quotas are loaded at the start
 * ({@link QuotaLoader}) and every change is stored before it is put here ({@link QuotaBean}).
 */
@ApplicationScoped
public class QuotaBook {

    private final QuotaConfig config = QuotaConfig.fromSystemProperties();
    private final Map<String, Long> own = new ConcurrentHashMap<>();

    /** The quota of an account; the shared root ({@code ""}) always has the default. */
    public OptionalLong quotaOf(String account) {
        Long set = account.isEmpty() ? null : own.get(account);
        return set != null ? OptionalLong.of(set) : config.defaultQuota();
    }

    /** @param quota the user's own quota; empty: back to the default */
    void set(String user, OptionalLong quota) {
        if (quota.isPresent()) {
            own.put(user, quota.getAsLong());
        } else {
            own.remove(user);
        }
    }
}
