package org.filedock.connector.net;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition for up to 10 s: tests wait for what the server does on its own threads. */
public final class Await {

    private Await() {
    }

    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
