package org.filedock.ejb.history.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.filedock.ejb.history.recording.FinishedTransfer;
import org.filedock.ejb.history.recording.TransferEnded;

/**
 * Stores the transfers that end, on the container's asynchronous-event threads, never the
 * transfer's. One thread at a time writes, everything that has ended meanwhile in one
 * transaction: a burst of transfers ending together costs a few transactions, not one each, and
 * does not keep several threads busy with the database while transfers still run. A failure is
 * logged here: nobody waits for an asynchronous observer.
 */
@ApplicationScoped
public class TransferArchiver {

    private static final Logger LOG = Logger.getLogger(TransferArchiver.class.getName());
    static final int MAX_BATCH = 100;

    private final ConcurrentLinkedQueue<FinishedTransfer> ended = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    @Inject
    HistoryWriter writer;

    void archive(@ObservesAsync TransferEnded event) {
        ended.add(event.seal());
        // the thread that finds nobody writing writes; the others only queue
        while (!ended.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                writeQueued();
            } finally {
                writing.set(false);
            }
        }
    }

    private void writeQueued() {
        List<FinishedTransfer> batch = new ArrayList<>();
        FinishedTransfer next;
        while ((next = ended.poll()) != null) {
            batch.add(next);
            if (batch.size() == MAX_BATCH) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<FinishedTransfer> batch) {
        try {
            writer.saveAll(batch);
        } catch (RuntimeException e) {
            // one bad record must not lose the others: try them one by one
            for (FinishedTransfer transfer : batch) {
                try {
                    writer.save(transfer);
                } catch (RuntimeException single) {
                    LOG.log(Level.SEVERE, "could not store the history of transfer " + transfer.id()
                            + " (" + transfer.direction() + " " + transfer.path() + ")", single);
                }
            }
        }
    }
}
