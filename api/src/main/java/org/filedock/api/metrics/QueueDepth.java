package org.filedock.api.metrics;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * How many records wait in a queue that its owner (the history's archiver, in the EJB module)
 * publishes here while it runs; zero when none is published.
 */
public final class QueueDepth {

    private final AtomicReference<IntSupplier> current = new AtomicReference<>();

    public void publish(IntSupplier depth) {
        current.set(depth);
    }

    public void withdraw(IntSupplier depth) {
        current.compareAndSet(depth, null);
    }

    public int depth() {
        IntSupplier depth = current.get();
        return depth == null ? 0 : depth.getAsInt();
    }
}
