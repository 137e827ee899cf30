package org.filedock.ejb.integrity;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One upload's digest computed on a thread of its own: the receiving thread copies what it
 * wrote into one of a few arrays (a copy {@code MessageDigest} makes anyway for the upload's
 * direct buffer) and goes on receiving while the hashing thread works through them in order.
 */
final class HashingPipeline {

    private static final int SLOTS = 4;
    private static final int SLOT_SIZE = 256 * 1024;
    private static final Slot END = new Slot(new byte[0]);

    private final MessageDigest digest;
    private final Runnable onEnd;
    private final BlockingQueue<Slot> empty = new ArrayBlockingQueue<>(SLOTS);
    private final BlockingQueue<Slot> filled = new ArrayBlockingQueue<>(SLOTS + 1);
    private final Object done = new Object();
    private volatile boolean finished;
    private volatile boolean complete;
    private boolean ended;

    HashingPipeline(MessageDigest digest, Runnable onEnd) {
        this.digest = digest;
        this.onEnd = onEnd;
        for (int i = 0; i < SLOTS; i++) {
            empty.add(new Slot(new byte[SLOT_SIZE]));
        }
    }

    /** Queues a copy of the bytes from position to limit of {@code bytes}, leaving its position unchanged. */
    void update(ByteBuffer bytes) throws IOException {
        ByteBuffer rest = bytes.duplicate();
        while (rest.hasRemaining()) {
            Slot slot = takeEmpty();
            slot.length = Math.min(rest.remaining(), slot.bytes.length);
            rest.get(slot.bytes, 0, slot.length);
            filled.add(slot);
        }
    }

    /** Waits until everything queued is hashed; the digest is then complete. */
    void finish() throws IOException {
        end();
        synchronized (done) {
            while (!finished) {
                try {
                    done.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the digest");
                }
            }
        }
        if (!complete) {
            throw new IOException("the hashing thread stopped before the end of the payload");
        }
    }

    /** Ends the hashing thread after what is queued (an upload that broke off). */
    void end() {
        if (!ended) {
            ended = true;
            filled.add(END);
        }
    }

    void hashUntilEnd() {
        try {
            for (Slot slot = filled.take(); slot != END; slot = filled.take()) {
                digest.update(slot.bytes, 0, slot.length);
                empty.add(slot);
            }
            complete = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            onEnd.run();
            synchronized (done) {
                finished = true;
                done.notifyAll();
            }
        }
    }

    private Slot takeEmpty() throws IOException {
        try {
            Slot slot;
            while ((slot = empty.poll(1, TimeUnit.SECONDS)) == null) {
                if (finished) {
                    throw new IOException("the hashing thread stopped before the end of the payload");
                }
            }
            return slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes to the digest");
        }
    }

    private static final class Slot {
        final byte[] bytes;
        int length;

        Slot(byte[] bytes) {
            this.bytes = bytes;
        }
    }
}
