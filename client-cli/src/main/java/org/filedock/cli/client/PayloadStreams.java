package org.filedock.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Moves exactly the announced number of payload bytes between a local file and the connection. */
final class PayloadStreams {

    private static final int BUFFER_SIZE = 1024 * 1024;

    private PayloadStreams() {
    }

    static void send(InputStream file, Connection connection, long size, TransferListener listener) throws IOException {
        listener.started(size);
        boolean completed = false;
        try {
            byte[] buffer = newBuffer(size);
            long sent = 0;
            while (sent < size) {
                int n = file.read(buffer, 0, (int) Math.min(buffer.length, size - sent));
                if (n < 0) {
                    throw new IOException("the local file got shorter during the upload; connection closed");
                }
                connection.writePayload(buffer, n);
                sent += n;
                listener.progressed(sent);
            }
            connection.flush();
            completed = true;
        } finally {
            listener.finished(completed);
        }
    }

    static void receive(Connection connection, OutputStream file, long size, TransferListener listener) throws IOException {
        listener.started(size);
        boolean completed = false;
        try {
            byte[] buffer = newBuffer(size);
            long received = 0;
            while (received < size) {
                int n = connection.readPayload(buffer, (int) Math.min(buffer.length, size - received));
                if (n < 0) {
                    throw new ConnectionClosedException("the server closed the connection "
                            + (size - received) + " bytes before the end of the file");
                }
                file.write(buffer, 0, n);
                received += n;
                listener.progressed(received);
            }
            completed = true;
        } finally {
            listener.finished(completed);
        }
    }

    private static byte[] newBuffer(long size) {
        return new byte[(int) Math.max(1, Math.min(BUFFER_SIZE, size))];
    }
}
