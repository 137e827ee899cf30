package org.filedock.ejb.service;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.filedock.ejb.lock.LockManager;
import org.filedock.ejb.storage.Storage;

/**
 * At start, removes the temporary files of uploads that a crash or kill interrupted: their
 * clients were told nothing was stored, so nothing may appear.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StorageInitializer {

    private static final Logger LOG = Logger.getLogger(StorageInitializer.class.getName());

    @Inject
    Storage storage;

    @Inject
    LockManager locks;

    @PostConstruct
    void sweep() {
        storage.sweepTemporaryFiles();
        LOG.info("FileDock storage root " + storage.root() + ", " + locks);
    }
}
