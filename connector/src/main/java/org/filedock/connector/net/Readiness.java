package org.filedock.connector.net;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Blocks a worker thread until a non-blocking channel can be read or written, with a timeout.
 * Used only while a command is running (a transfer, a reply that did not fit the socket buffer):
 * an idle connection holds no thread. The private selector is made on first use.
 */
final class Readiness implements Closeable {

    private final SocketChannel channel;
    private Selector selector;

    Readiness(SocketChannel channel) {
        this.channel = channel;
    }

    /** @return {@code false} when the timeout passed first */
    boolean await(int operation, Duration timeout) throws IOException {
        if (selector == null) {
            selector = Selector.open();
        }
        SelectionKey key = channel.register(selector, operation);
        try {
            return selector.select(Math.max(1, timeout.toMillis())) > 0;
        } finally {
            key.cancel();
            selector.selectNow();
        }
    }

    @Override
    public void close() throws IOException {
        if (selector != null) {
            selector.close();
        }
    }
}
