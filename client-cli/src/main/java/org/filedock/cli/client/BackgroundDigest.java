package org.filedock.cli.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntFunction;

/**
 * SHA-256 on a thread of its own, so that hashing what a download receives overlaps receiving
 * and writing it (on two cores the download no longer waits for the digest of each buffer). The
 * receiver takes an empty buffer, fills and writes it, then hands it over; the hashing thread
 * gives it back once hashed. A few buffers in rotation: no copy of the payload.
 */
final class BackgroundDigest implements AutoCloseable {

    private static final int BUFFERS = 4;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final MessageDigest digest;
    private final BlockingQueue<ByteBuffer> empty = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<ByteBuffer> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread hasher;
    private volatile RuntimeException failure;
    private boolean ended;

    BackgroundDigest(MessageDigest digest, IntFunction<ByteBuffer> allocator, int bufferSize) {
        this.digest = digest;
        for (int i = 0; i < BUFFERS; i++) {
            empty.add(allocator.apply(bufferSize));
        }
        hasher = new Thread(this::hashUntilEnd, "filedock-sha256");
        hasher.setDaemon(true);
        hasher.start();
    }

    /** An empty buffer to receive into; waits while all of them are being hashed. */
    ByteBuffer take() throws IOException {
        checkHealthy();
        try {
            return empty.take().clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the digest");
        }
    }

    /** Hands over a buffer whose position to limit are the next bytes of the payload. */
    void hash(ByteBuffer bytes) throws IOException {
        checkHealthy();
        filled.add(bytes); // never full: at most BUFFERS are out, plus END
    }

    /** Waits for the hashing of everything handed over; the digest is then complete. */
    void finish() throws IOException {
        end();
        try {
            hasher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the digest");
        }
        checkHealthy();
    }

    @Override
    public void close() {
        end(); // after a failed transfer the thread ends after the buffers already handed over
    }

    private void end() {
        if (!ended) {
            ended = true;
            filled.add(END);
        }
    }

    private void hashUntilEnd() {
        try {
            for (ByteBuffer next = filled.take(); next != END; next = filled.take()) {
                digest.update(next);
                empty.add(next);
            }
        } catch (InterruptedException e) {
            failure = new IllegalStateException("the digest thread was interrupted");
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void checkHealthy() {
        if (failure != null) {
            throw failure;
        }
    }
}
