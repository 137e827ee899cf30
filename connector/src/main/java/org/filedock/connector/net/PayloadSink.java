package org.filedock.connector.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** Payload bytes to the client; each write returns once all of it is accepted by the socket. */
final class PayloadSink implements WritableByteChannel {

    private final Connection connection;

    PayloadSink(Connection connection) {
        this.connection = connection;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        int n = source.remaining();
        connection.markPayloadOutgoing(true);
        connection.writeFully(source);
        return n;
    }

    @Override
    public boolean isOpen() {
        return !connection.isClosed();
    }

    @Override
    public void close() {
        connection.markPayloadOutgoing(false);
    }
}
