package org.filedock.cli.rate;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A {@link Ticker} on a daemon thread of its own per run, so a stuck disk never delays the transfer. */
public final class ThreadTicker implements Ticker {

    @Override
    public Ticking start(Duration period, Runnable tick) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rate-log");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleAtFixedRate(tick, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        return () -> {
            // shutdown cancels the periodic task; waiting lets a tick that is running (one buffered line) finish
            executor.shutdown();
            boolean interrupted = false;
            while (true) {
                try {
                    if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
