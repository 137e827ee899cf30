package org.filedock.ejb.history.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores records off the thread that produces them: {@link #add} only queues, and the first record
 * after a quiet spell schedules one drain on the executor, which writes once the records have
 * paused for a quiet window (or the oldest has waited the longest delay; see {@link DrainTiming}).
 * One thread at a time writes, everything queued meanwhile, in batches of at most
 * {@code maxBatch}, each batch in one call of the sink (one transaction); a batch that fails is
 * tried again record by record, so that one bad record does not lose the others. Failures are
 * logged here: nobody waits for them.
 *
 * @param <Q> what is queued
 * @param <T> what is stored, made from a queued item on the writing thread
 */
public final class DrainQueue<Q, T> {

    /** Where the records go; each call is one transaction. */
    public interface Sink<T> {

        void saveAll(List<T> batch);

        void save(T record);

        /** The record in words, for the log when it cannot be stored. */
        String describe(T record);

        static <T> Sink<T> of(Consumer<List<T>> saveAll, Consumer<T> save, Function<T, String> describe) {
            return new Sink<>() {
                @Override
                public void saveAll(List<T> batch) {
                    saveAll.accept(batch);
                }

                @Override
                public void save(T record) {
                    save.accept(record);
                }

                @Override
                public String describe(T record) {
                    return describe.apply(record);
                }
            };
        }
    }

    private static final Logger LOG = Logger.getLogger(DrainQueue.class.getName());

    private final ConcurrentLinkedQueue<Q> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final DrainTiming timing;
    private final ScheduledExecutorService scheduler;
    private final int maxBatch;
    private final Function<Q, T> prepare;
    private final Sink<T> sink;

    public DrainQueue(ScheduledExecutorService scheduler, Duration quiet, Duration longest, int maxBatch,
                      Function<Q, T> prepare, Sink<T> sink) {
        this.timing = new DrainTiming(quiet, longest);
        this.scheduler = scheduler;
        this.maxBatch = maxBatch;
        this.prepare = prepare;
        this.sink = sink;
    }

    /** On the producer's thread: as cheap as a queue insertion, and one scheduling per batch. */
    public void add(Q item) {
        queued.add(item);
        boolean first = drainScheduled.compareAndSet(false, true);
        timing.ended(System.nanoTime(), first);
        if (first) {
            drainAfter(timing.quietNanos());
        }
    }

    /** How many records wait to be written (counted by walking the queue: for monitoring, not for the hot path). */
    public int pending() {
        return queued.size();
    }

    /** Writes what is queued now, on the caller's thread (for the application's stop). */
    public void drain() {
        // cleared first: a record queued from now on schedules the next drain
        drainScheduled.set(false);
        // the thread that finds nobody writing writes; a writer re-checks the queue before it leaves
        while (!queued.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                writeQueued();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "could not store the history", e);
            } finally {
                writing.set(false);
            }
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
            drainAfter(wait); // records are still coming
            return;
        }
        drain();
    }

    private void writeQueued() {
        List<T> batch = new ArrayList<>();
        Q next;
        while ((next = queued.poll()) != null) {
            batch.add(prepare.apply(next));
            if (batch.size() == maxBatch) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<T> batch) {
        try {
            sink.saveAll(batch);
        } catch (RuntimeException e) {
            for (T record : batch) {
                try {
                    sink.save(record);
                } catch (RuntimeException single) {
                    LOG.log(Level.SEVERE, "could not store " + sink.describe(record), single);
                }
            }
        }
    }
}
