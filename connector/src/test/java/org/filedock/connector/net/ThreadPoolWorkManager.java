package org.filedock.connector.net;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;

/** A plain thread pool behind the work-manager interface, counting the works that run. */
public final class ThreadPoolWorkManager implements WorkManager, AutoCloseable {

    private final ExecutorService threads;
    private final AtomicInteger running = new AtomicInteger();

    /** As many threads as works. */
    public ThreadPoolWorkManager() {
        threads = Executors.newCachedThreadPool();
    }

    /** At most {@code size} threads; further works wait in the queue, as in a busy container. */
    public ThreadPoolWorkManager(int size) {
        threads = Executors.newFixedThreadPool(size);
    }

    public int running() {
        return running.get();
    }

    @Override
    public void doWork(Work work) {
        work.run();
    }

    @Override
    public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        work.run();
    }

    @Override
    public long startWork(Work work) {
        scheduleWork(work);
        return 0;
    }

    @Override
    public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        scheduleWork(work);
        return 0;
    }

    @Override
    public void scheduleWork(Work work) {
        running.incrementAndGet();
        threads.execute(() -> {
            try {
                work.run();
            } finally {
                running.decrementAndGet();
            }
        });
    }

    @Override
    public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        scheduleWork(work);
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }
}
