package org.filedock.ejb.history.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.filedock.ejb.history.recording.FinishedTransfer;
import org.filedock.ejb.history.recording.TransferEnded;

/**
 * Stores the transfers that end, never on the transfer's thread: the end of a transfer only
 * queues it, and the first end after a quiet spell schedules one drain on the container's
 * executor, which writes once the ends have paused for a {@link #QUIET} window (or the oldest
 * has waited {@link #LONGEST}; see {@link DrainTiming}). One thread at a time writes, everything
 * that has ended meanwhile in one transaction: a burst of transfers ending together costs one or
 * two transactions and one thread hand-over, not one of each per transfer, and the database work
 * comes after the burst instead of competing with it for the cores. A failure is logged here:
 * nobody waits for the history. What is still queued when the application stops is written then.
 */
@ApplicationScoped
public class TransferArchiver {

    private static final Logger LOG = Logger.getLogger(TransferArchiver.class.getName());
    static final int MAX_BATCH = 100;
    static final Duration QUIET = Duration.ofMillis(20);
    static final Duration LONGEST = Duration.ofSeconds(1);

    private final ConcurrentLinkedQueue<TransferEnded> ended = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final DrainTiming timing = new DrainTiming(QUIET, LONGEST);

    @Inject
    HistoryWriter writer;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** On the transfer's thread: as cheap as a queue insertion, and one scheduling per batch. */
    void archive(@Observes TransferEnded event) {
        ended.add(event);
        boolean first = drainScheduled.compareAndSet(false, true);
        timing.ended(System.nanoTime(), first);
        if (first) {
            drainAfter(timing.quietNanos());
        }
    }

    private void drainAfter(long nanos) {
        try {
            scheduler.schedule(this::drainWhenQuiet, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            drainScheduled.set(false); // the application is stopping: the last drain takes it
        }
    }

    private void drainWhenQuiet() {
        long wait = timing.waitBeforeDrain(System.nanoTime());
        if (wait > 0) {
            drainAfter(wait); // transfers are still ending
            return;
        }
        drain();
    }

    private void drain() {
        // cleared first: a transfer ending from now on schedules the next drain
        drainScheduled.set(false);
        // the thread that finds nobody writing writes; a writer re-checks the queue before it leaves
        while (!ended.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                writeQueued();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "could not store the transfer history", e);
            } finally {
                writing.set(false);
            }
        }
    }

    @PreDestroy
    void writeWhatIsLeft() {
        drain();
    }

    private void writeQueued() {
        List<FinishedTransfer> batch = new ArrayList<>();
        TransferEnded next;
        while ((next = ended.poll()) != null) {
            batch.add(next.seal());
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
