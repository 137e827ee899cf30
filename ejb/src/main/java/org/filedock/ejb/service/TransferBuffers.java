package org.filedock.ejb.service;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The 1 MiB direct buffers that transfers copy through, kept for the next transfer: allocating
 * one costs zeroing a mebibyte of native memory, which 50 transfers starting at once paid 50
 * times over. At most {@link #MAX_SPARE} are kept; a burst beyond that allocates and lets go.
 */
@ApplicationScoped
public class TransferBuffers {

    static final int SIZE = 1 << 20;
    static final int MAX_SPARE = 32;

    private final ConcurrentLinkedQueue<ByteBuffer> spare = new ConcurrentLinkedQueue<>();
    private final AtomicInteger spareCount = new AtomicInteger();

    /** A buffer for one transfer, returned when the lease is closed. */
    public final class Lease implements AutoCloseable {
        private ByteBuffer buffer;

        private Lease(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        public ByteBuffer buffer() {
            return buffer;
        }

        @Override
        public void close() {
            if (buffer != null) {
                giveBack(buffer);
                buffer = null;
            }
        }
    }

    public Lease lease() {
        ByteBuffer buffer = spare.poll();
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(SIZE);
        } else {
            spareCount.decrementAndGet();
        }
        return new Lease(buffer.clear());
    }

    int spareCount() {
        return spareCount.get();
    }

    private void giveBack(ByteBuffer buffer) {
        if (spareCount.incrementAndGet() <= MAX_SPARE) {
            spare.add(buffer);
        } else {
            spareCount.decrementAndGet();
        }
    }
}
