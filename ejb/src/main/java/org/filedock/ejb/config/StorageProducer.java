package org.filedock.ejb.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.filedock.api.FileDockConfig;
import org.filedock.ejb.lock.LocalLockManager;
import org.filedock.ejb.lock.LockManager;
import org.filedock.ejb.storage.LocalDiskStorage;
import org.filedock.ejb.storage.Storage;

/** Chooses the implementations behind the storage and lock interfaces: one node, local disk. */
@ApplicationScoped
public class StorageProducer {

    @Resource
    ManagedExecutorService background;

    // a record cannot be proxied: a pseudo-scope instead of @ApplicationScoped
    @Produces
    @Singleton
    FileDockConfig config() {
        return FileDockConfig.fromSystemProperties();
    }

    @Produces
    @ApplicationScoped
    Storage storage(FileDockConfig config) {
        return new LocalDiskStorage(config.storageRoot(), config.maxFileSize(), background);
    }

    @Produces
    @ApplicationScoped
    LockManager lockManager() {
        return new LocalLockManager();
    }
}
