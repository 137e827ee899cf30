package org.filedock.connector.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Payload bytes to the client. Like a non-blocking channel, a write may take only part of the
 * buffer (what the socket accepts now); unlike one, it waits for room, so it takes at least a byte.
 */
final class PayloadSink implements WritableByteChannel {

    private final Connection connection;

    PayloadSink(Connection connection) {
        this.connection = connection;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        return connection.writePayload(source);
    }

    @Override
    public boolean isOpen() {
        return !connection.isClosed();
    }

    @Override
    public void close() {
        connection.payloadSent();
    }
}
