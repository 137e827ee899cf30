package org.filedock.ejb.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Moves payload bytes between a file and the client through one buffer, never the whole file.
 * Failures say which side failed, because the reply depends on it: the client's side ends the
 * connection, the storage's side is reported to a client that is still there.
 */
final class PayloadCopier {

    static final int BUFFER_SIZE = 1 << 20;

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

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);

    /** Copies exactly {@code size} bytes from the client into the file. */
    void receive(ReadableByteChannel client, FileChannel file, long size) throws ClientFailure, StorageFailure {
        long left = size;
        while (left > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), left));
            try {
                while (buffer.hasRemaining()) {
                    if (client.read(buffer) < 0) {
                        throw new java.io.EOFException("payload ended early");
                    }
                }
            } catch (IOException e) {
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

    /** Sends exactly {@code size} bytes of the file to the client. */
    void send(FileChannel file, WritableByteChannel client, long size) throws ClientFailure, StorageFailure {
        long position = 0;
        while (position < size) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), size - position));
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
                    client.write(buffer);
                }
            } catch (IOException e) {
                throw new ClientFailure(e);
            }
        }
    }
}
