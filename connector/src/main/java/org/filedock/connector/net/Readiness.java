package org.filedock.connector.net;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Blocks a worker thread until a non-blocking channel can be read or written, with a timeout.
 * Used only while a command is running (a transfer, a reply that did not fit the socket buffer):
 * an idle connection holds no thread. The private selector is made on first use; closing wakes
 * a waiting worker, which then fails with {@link AsynchronousCloseException}.
 */
final class Readiness implements Closeable {

    private final SocketChannel channel;
    private Selector selector;
    private boolean closed;

    Readiness(SocketChannel channel) {
        this.channel = channel;
    }

    /** @return {@code false} when the timeout passed first */
    boolean await(int operation, Duration timeout) throws IOException {
        Selector waitOn = selector();
        SelectionKey key = channel.register(waitOn, operation);
        try {
            boolean ready = waitOn.select(Math.max(1, timeout.toMillis())) > 0;
            if (isClosed()) {
                throw new AsynchronousCloseException();
            }
            return ready;
        } catch (ClosedSelectorException e) {
            throw new AsynchronousCloseException();
        } finally {
            key.cancel();
            try {
                waitOn.selectNow();
            } catch (ClosedSelectorException e) {
                // closed meanwhile: nothing left to deregister from
            }
        }
    }

    private synchronized Selector selector() throws IOException {
        if (closed) {
            throw new AsynchronousCloseException();
        }
        if (selector == null) {
            selector = Selector.open();
        }
        return selector;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (selector != null) {
            selector.close();
        }
    }
}
