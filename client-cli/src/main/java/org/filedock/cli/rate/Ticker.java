package org.filedock.cli.rate;

import java.time.Duration;

/** Runs a task on a fixed clock, off the caller's thread. */
@FunctionalInterface
public interface Ticker {

    /** Starts calling {@code tick} every {@code period}; the first call comes one period from now. */
    Ticking start(Duration period, Runnable tick);

    interface Ticking {
        /** No tick runs once this returns, nor ever again. */
        void stop();
    }
}
