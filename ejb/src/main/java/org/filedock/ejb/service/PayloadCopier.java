package org.filedock.ejb.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves payload bytes between a file and the client through one buffer, never the whole file.
 * Failures say which side failed, because the reply depends on it: the client's side ends the
 * connection, the storage's side is reported to a client that is still there.
 * <p>
 * Every chunk that crosses the client's side is added to a counter that the rate history samples
 * from another thread; this thread is its only writer, so a release store is enough (no lock, no
 * atomic read-modify-write). A write to the client takes what the socket accepts at that moment,
 * so a slow client's progress shows within a buffer.
 */
final class PayloadCopier {

    /** The client's side of a copy failed (gone, stalled). */
    static final class ClientFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ClientFailure(IOException cause) {
            super(cause);
        }

        IOException io() {
            return (IOException) getCause();
        }
    }

    /** The storage's side of a copy failed. */
    static final class StorageFailure extends Exception {
        private static final long serialVersionUID = 1L;

        StorageFailure(IOException cause) {
            super(cause);
        }

        IOException io() {
            return (IOException) getCause();
        }
    }

    private final ByteBuffer buffer;
    private final AtomicLong moved;

    /**
     * @param moved advanced by the number of payload bytes that cross the client's side
     * @param buffer what the bytes go through; this copier is its only user meanwhile
     */
    PayloadCopier(AtomicLong moved, ByteBuffer buffer) {
        this.moved = moved;
        this.buffer = buffer;
    }

    /** Copies exactly {@code size} bytes from the client into the file. */
    void receive(ReadableByteChannel client, WritableByteChannel file, long size) throws ClientFailure, StorageFailure {
        long left = size;
        while (left > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), left));
            try {
                while (buffer.hasRemaining()) {
                    int n = client.read(buffer);
                    if (n < 0) {
                        throw new java.io.EOFException("payload ended early");
                    }
                    count(n);
                }
            } catch (IOException e) {
                keepWhatArrived(file);
                throw new ClientFailure(e);
            }
            buffer.flip();
            left -= buffer.remaining();
            try {
                while (buffer.hasRemaining()) {
                    file.write(buffer);
                }
            } catch (IOException e) {
                throw new StorageFailure(e);
            }
        }
    }

    /**
     * The client went away in the middle of a buffer: what did arrive goes to the file too, so
     * that a resumable upload holds every byte the history counted. Best effort: a storage error
     * now only means fewer bytes held.
     */
    private void keepWhatArrived(WritableByteChannel file) {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
        } catch (IOException e) {
            buffer.clear();
        }
    }

    /** Reads and drops the rest of a payload so that the next line is read in step. */
    void discard(ReadableByteChannel client) throws ClientFailure {
        try {
            do {
                buffer.clear();
            } while (client.read(buffer) >= 0);
        } catch (IOException e) {
            throw new ClientFailure(e);
        }
    }

    /** Sends exactly {@code size} bytes of the file, from {@code start} on, to the client. */
    void send(FileChannel file, long start, WritableByteChannel client, long size) throws ClientFailure, StorageFailure {
        long position = start;
        long end = start + size;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            try {
                while (buffer.hasRemaining()) {
                    if (file.read(buffer, position + buffer.position()) < 0) {
                        throw new java.io.EOFException("file shrank during the download");
                    }
                }
            } catch (IOException e) {
                throw new StorageFailure(e);
            }
            buffer.flip();
            position += buffer.remaining();
            try {
                while (buffer.hasRemaining()) {
                    count(client.write(buffer));
                }
            } catch (IOException e) {
                throw new ClientFailure(e);
            }
        }
    }

    private void count(int n) {
        moved.setRelease(moved.getPlain() + n);
    }
}
