package org.filedock.ejb.service;

import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.filedock.api.ApplicationShutdown;

/**
 * Tells the adapter when the EJB module stops. A singleton with no calls in flight is
 * destroyed at once, while the message-driven bean's stop waits for every running command,
 * a transfer included; the adapter disconnects the clients on this signal, so the transfers end
 * and the stop does not wait for the payload timeout.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ShutdownAnnouncer {

    private static final Logger LOG = Logger.getLogger(ShutdownAnnouncer.class.getName());

    @PreDestroy
    void announce() {
        LOG.info("FileDock is stopping: disconnecting every client");
        ApplicationShutdown.announce();
    }
}
