package org.filedock.ejb.history.store;

import java.time.Duration;
import java.util.function.IntSupplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.filedock.api.metrics.FileDockCounters;
import org.filedock.ejb.history.recording.FinishedTransfer;
import org.filedock.ejb.history.recording.TransferEnded;

/**
 * Stores the transfers that end, never on the transfer's thread: the end of a transfer only
 * queues it, and a {@link DrainQueue} on the container's executor writes once the ends have
 * paused for a {@link #QUIET} window (or the oldest has waited {@link #LONGEST}). A burst of
 * transfers ending together costs one or two transactions and one thread hand-over, not one of
 * each per transfer, and the database work comes after the burst instead of competing with it for
 * the cores. The final sample is taken there too ({@link TransferEnded#seal()}). What is still
 * queued when the application stops is written then.
 */
@ApplicationScoped
public class TransferArchiver {

    static final int MAX_BATCH = 100;
    static final Duration QUIET = Duration.ofMillis(20);
    static final Duration LONGEST = Duration.ofSeconds(1);

    @Inject
    HistoryWriter writer;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private DrainQueue<TransferEnded, FinishedTransfer> queue;
    /** The queue's depth as the metrics read it (filedock_history_queue_depth). */
    private IntSupplier depth;

    @PostConstruct
    void init() {
        queue = new DrainQueue<>(scheduler, QUIET, LONGEST, MAX_BATCH, TransferEnded::seal,
                DrainQueue.Sink.<FinishedTransfer>of(writer::saveAll, writer::save, transfer -> "the history of transfer "
                        + transfer.id() + " (" + transfer.direction() + " " + transfer.path() + ")"));
        depth = queue::pending;
        FileDockCounters.HISTORY_QUEUE.publish(depth);
    }

    /** On the transfer's thread: as cheap as a queue insertion. */
    void archive(@Observes TransferEnded event) {
        queue.add(event);
    }

    @PreDestroy
    void writeWhatIsLeft() {
        FileDockCounters.HISTORY_QUEUE.withdraw(depth);
        queue.drain();
    }
}
