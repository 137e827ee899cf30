package org.filedock.ejb.history.store;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.filedock.ejb.history.recording.FinishedTransfer;
import org.filedock.ejb.history.recording.TransferEnded;

/**
 * Stores each transfer that ends, on the container's asynchronous-event thread, never the
 * transfer's. A failure is logged here: nobody waits for an asynchronous observer.
 */
@ApplicationScoped
public class TransferArchiver {

    private static final Logger LOG = Logger.getLogger(TransferArchiver.class.getName());

    @Inject
    HistoryWriter writer;

    void archive(@ObservesAsync TransferEnded ended) {
        FinishedTransfer transfer = ended.seal();
        try {
            writer.save(transfer);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not store the history of transfer " + transfer.id()
                    + " (" + transfer.direction() + " " + transfer.path() + ")", e);
        }
    }
}
