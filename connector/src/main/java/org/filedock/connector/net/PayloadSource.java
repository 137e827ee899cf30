package org.filedock.connector.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;

/** Exactly {@code size} payload bytes from the client, then end of stream. */
final class PayloadSource implements ReadableByteChannel {

    private final Connection connection;
    private long remaining;
    private boolean open = true;

    PayloadSource(Connection connection, long size) {
        this.connection = connection;
        this.remaining = size;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (remaining == 0) {
            return -1;
        }
        if (!target.hasRemaining()) {
            return 0;
        }
        int limit = target.limit();
        if (target.remaining() > remaining) {
            target.limit(target.position() + (int) remaining);
        }
        try {
            int n = connection.readPayload(target);
            remaining -= n;
            return n;
        } finally {
            target.limit(limit);
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
