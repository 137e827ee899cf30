package org.filedock.ejb.quota;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentMap;

/**
 * A cluster's own quotas: in the cluster's replicated table, {@code @quota:<user>} = the bytes,
 * or {@value #DEFAULT} once a quota was taken back. A change is written to every member before
 * it returns, so the next upload on any node is held to it; a read is local (every member holds
 * the table whole).
 *
 * <p>Every node loads the database's quotas when it starts, with {@code putIfAbsent}: the first
 * node of a cluster fills the table, a node that joins finds it filled. A quota taken back
 * leaves {@value #DEFAULT} rather than no entry, so that a node starting meanwhile, which read the
 * database before the change, cannot bring the old quota back.
 */
final class SharedQuotas implements OwnQuotas {

    static final String PREFIX = "@quota:";
    static final String DEFAULT = "default";

    private final ConcurrentMap<String, String> table;

    SharedQuotas(ConcurrentMap<String, String> table) {
        this.table = table;
    }

    @Override
    public OptionalLong of(String user) {
        String held = table.get(PREFIX + user);
        return held == null || held.equals(DEFAULT) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(held));
    }

    @Override
    public void set(String user, OptionalLong quota) {
        table.put(PREFIX + user, quota.isPresent() ? Long.toString(quota.getAsLong()) : DEFAULT);
    }

    @Override
    public void load(String user, long quota) {
        table.putIfAbsent(PREFIX + user, Long.toString(quota));
    }
}
