package org.filedock.ejb.lock.cluster;

import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import org.filedock.api.ClusterMembership;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;

/**
 * The cluster as WildFly's Infinispan subsystem gives it: the cache container {@code filedock}
 * (provisioned by {@code ear/src/main/wildfly/cluster.cli}) and its replicated cache
 * {@code locks}. The only class that touches Infinispan, so that a single-node server (which has
 * none) never loads it.
 */
public final class InfinispanCluster implements ClusterView, ClusterMembership.View {

    public static final String CONTAINER = "java:jboss/infinispan/container/filedock";
    private static final String LOCK_CACHE = "locks";
    private static final Logger LOG = Logger.getLogger(InfinispanCluster.class.getName());

    private final EmbeddedCacheManager container;
    private final int configuredSize;

    private InfinispanCluster(EmbeddedCacheManager container, int configuredSize) {
        this.container = container;
        this.configuredSize = configuredSize;
    }

    /** Joins the lock table; {@code configuredSize} members make the cluster. */
    public static ClusterLockManager lockManager(int configuredSize) {
        EmbeddedCacheManager container;
        try {
            container = (EmbeddedCacheManager) new InitialContext().lookup(CONTAINER);
        } catch (NamingException e) {
            throw new IllegalStateException("no Infinispan cache container at " + CONTAINER
                    + ": is this the cluster server (ear/target/server-cluster)?", e);
        }
        Cache<String, String> table = container.getCache(LOCK_CACHE);
        InfinispanCluster view = new InfinispanCluster(container, configuredSize);
        Reaper reaper = new Reaper();
        ClusterLockManager locks = new ClusterLockManager(table, view, () -> {
            container.removeListener(reaper);
            ClusterMembership.withdraw(view);
        });
        reaper.locks = locks;
        container.addListener(reaper);
        ClusterMembership.publish(view);
        LOG.info("FileDock lock table joined as " + view.self() + ", members " + view.members()
                + " of " + configuredSize + " configured");
        return locks;
    }

    @Override
    public String self() {
        return String.valueOf(container.getAddress());
    }

    @Override
    public Set<String> memberNames() {
        return container.getMembers().stream().map(String::valueOf).collect(Collectors.toSet());
    }

    @Override
    public String node() {
        return self();
    }

    @Override
    public List<String> members() {
        return memberNames().stream().sorted().toList();
    }

    @Override
    public int configuredSize() {
        return configuredSize;
    }

    /** Sweeps the holds of departed members out of the table when the view changes. */
    @Listener(sync = false)
    public static final class Reaper {
        private volatile ClusterLockManager locks;

        @ViewChanged
        public void viewChanged(ViewChangedEvent event) {
            LOG.info("cluster view: " + event.getNewMembers());
            locks.reapDeparted();
        }
    }
}
