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

    /** Hashes into {@code digest} (unless {@code null}) from the same buffers: the file is not read again. */
    static void receive(Connection connection, FileChannel file, long size, MessageDigest digest, TransferListener listener)
            throws IOException {
        listener.started(size);
        boolean completed = false;
        try {
            ByteBuffer buffer = connection.newPayloadBuffer(bufferSize(size));
            long received = 0;
            while (received < size) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), size - received));
                int n = connection.readPayload(buffer);
                if (n < 0) {
                    throw new ConnectionClosedException("the server closed the connection "
                            + (size - received) + " bytes before the end of the file");
                }
                buffer.flip();
                if (digest != null) {
                    digest.update(buffer.duplicate());
                }
                while (buffer.hasRemaining()) {
                    file.write(buffer);
                }
                received += n;
                listener.progressed(received);
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
