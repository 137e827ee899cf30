package org.filedock.cli.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

/** Moves exactly the announced number of payload bytes between a local file and the connection. */
final class PayloadStreams {

    private static final int BUFFER_SIZE = 1024 * 1024;

    private PayloadStreams() {
    }

    /** Through the connection's kind of buffer (plain TCP: a direct one, so the bytes are copied into it once and from it once, by the system). */
    static void send(FileChannel file, Connection connection, long size, TransferListener listener) throws IOException {
        listener.started(size);
        boolean completed = false;
        try {
            ByteBuffer buffer = connection.newPayloadBuffer(bufferSize(size));
            long sent = 0;
            while (sent < size) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), size - sent));
                int n = file.read(buffer);
                if (n < 0) {
                    throw new IOException("the local file got shorter during the upload; connection closed");
                }
                buffer.flip();
                connection.writePayload(buffer);
                sent += n;
                listener.progressed(sent);
            }
            completed = true;
        } finally {
            listener.finished(completed);
        }
    }

    /**
     * Writes the payload to {@code file}; unless {@code digest} is {@code null}, hashes the same
     * bytes on a thread of its own while the next ones arrive (the file is not read again). The
     * digest is complete when this returns.
     */
    static void receive(Connection connection, FileChannel file, long size, MessageDigest digest, TransferListener listener)
            throws IOException {
        listener.started(size);
        boolean completed = false;
        try (BackgroundDigest hashing = digest == null ? null
                : new BackgroundDigest(digest, connection::newPayloadBuffer, bufferSize(size))) {
            ByteBuffer own = hashing == null ? connection.newPayloadBuffer(bufferSize(size)) : null;
            long received = 0;
            while (received < size) {
                ByteBuffer buffer = hashing == null ? own.clear() : hashing.take();
                buffer.limit((int) Math.min(buffer.capacity(), size - received));
                int n = connection.readPayload(buffer);
                if (n < 0) {
                    throw new ConnectionClosedException("the server closed the connection "
                            + (size - received) + " bytes before the end of the file");
                }
                buffer.flip();
                ByteBuffer writing = buffer.duplicate();
                while (writing.hasRemaining()) {
                    file.write(writing);
                }
                if (hashing != null) {
                    hashing.hash(buffer);
                }
                received += n;
                listener.progressed(received);
            }
            if (hashing != null) {
                hashing.finish();
            }
            completed = true;
        } finally {
            connection.endPayload();
            listener.finished(completed);
        }
    }

    private static int bufferSize(long size) {
        return (int) Math.max(1, Math.min(BUFFER_SIZE, size));
    }
}
