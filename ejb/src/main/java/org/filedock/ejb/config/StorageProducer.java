package org.filedock.ejb.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.filedock.api.FileDockConfig;
import org.filedock.api.PropertyValues;
import org.filedock.ejb.history.recording.InFlightTransfers;
import org.filedock.ejb.history.store.HistoryWriter;
import org.filedock.ejb.lock.LocalLockManager;
import org.filedock.ejb.lock.LockManager;
import org.filedock.ejb.lock.cluster.ClusterLockManager;
import org.filedock.ejb.lock.cluster.ClusterTransfers;
import org.filedock.ejb.lock.cluster.InfinispanCluster;
import org.filedock.ejb.storage.LocalDiskStorage;
import org.filedock.ejb.storage.Storage;

/**
 * Chooses the implementations behind the storage and lock interfaces: local disk, and locks in
 * this JVM, or in the cluster's lock table when {@code filedock.cluster} (the number of members
 * the cluster is configured with) is set, as the cluster server does.
 */
@ApplicationScoped
public class StorageProducer {

    public static final String CLUSTER = "filedock.cluster";

    @Resource
    ManagedExecutorService background;

    // an Instance: only a cluster needs it (and some tests' containers have no history)
    @Inject
    Instance<HistoryWriter> history;

    // a record cannot be proxied: a pseudo-scope instead of @ApplicationScoped
    @Produces
    @Singleton
    FileDockConfig config() {
        return FileDockConfig.fromSystemProperties();
    }

    // not proxied: an interface's client proxy reaches the storage by reflection on every call
    @Produces
    @Singleton
    Storage storage(FileDockConfig config) {
        return new LocalDiskStorage(config.storageRoot(), config.maxFileSize(), background);
    }

    // not proxied: StorageInitializer's injection makes it at start, so a node joins the lock table then
    @Produces
    @Singleton
    LockManager lockManager() {
        String clusterSize = System.getProperty(CLUSTER);
        if (clusterSize == null || clusterSize.isBlank()) {
            return new LocalLockManager();
        }
        return InfinispanCluster.lockManager((int) PropertyValues.parse(CLUSTER, clusterSize, 1, 1000));
    }

    /**
     * In a cluster, the lock table's register of transfers in flight, so that survivors record a
     * dead node's transfers ABORTED and sweep its temporaries; it looks for what nodes departed
     * before this one started, too.
     */
    @Produces
    @Singleton
    InFlightTransfers inFlightTransfers(LockManager locks, Storage storage) {
        if (!(locks instanceof ClusterLockManager cluster)) {
            return InFlightTransfers.NONE;
        }
        ClusterTransfers transfers = cluster.transfers(background,
                ClusterTransfers.departures(history.get()::saveForNode, storage.root()));
        transfers.reapLater();
        return transfers;
    }

    void closeLockManager(@Disposes LockManager locks) {
        if (locks instanceof ClusterLockManager cluster) {
            cluster.close();
        }
    }
}
