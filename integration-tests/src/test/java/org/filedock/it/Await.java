package org.filedock.it;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition instead of sleeping for a guessed time. */
final class Await {

    private Await() {
    }

    static void until(Callable<Boolean> condition, String what) throws Exception {
        until(condition, what, Duration.ofSeconds(20));
    }

    static void until(Callable<Boolean> condition, String what, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + atMost.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
