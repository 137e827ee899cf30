package org.filedock.ejb.quota;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** A single server's own quotas: in its memory. */
final class LocalQuotas implements OwnQuotas {

    private final Map<String, Long> own = new ConcurrentHashMap<>();

    @Override
    public OptionalLong of(String user) {
        Long set = own.get(user);
        return set != null ? OptionalLong.of(set) : OptionalLong.empty();
    }

    @Override
    public void set(String user, OptionalLong quota) {
        if (quota.isPresent()) {
            own.put(user, quota.getAsLong());
        } else {
            own.remove(user);
        }
    }

    @Override
    public void load(String user, long quota) {
        own.putIfAbsent(user, quota);
    }
}
