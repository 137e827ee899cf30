package org.filedock.connector.net;

import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Blocks a worker until one connection can be read or written, with a timeout. The selector is
 * borrowed from the pool on the first wait and the channel stays registered with it until
 * {@link #release()}, so a transfer that waits thousands of times registers once. Only a worker
 * uses it: an idle connection holds neither a thread nor a selector. {@link #close()} wakes a
 * waiting worker, which then fails with {@link AsynchronousCloseException}.
 */
final class Readiness {

    private final SocketChannel channel;
    private final SelectorPool pool;
    private Selector selector;
    private SelectionKey key;
    private boolean closed;

    Readiness(SocketChannel channel, SelectorPool pool) {
        this.channel = channel;
        this.pool = pool;
    }

    /** @return {@code false} when the timeout passed first */
    boolean await(int operation, Duration timeout) throws IOException {
        Selector waitOn = borrowed();
        try {
            if (key == null) {
                key = channel.register(waitOn, operation);
            } else if (key.interestOps() != operation) {
                key.interestOps(operation);
            }
            waitOn.selectedKeys().clear();
            boolean ready = waitOn.select(Math.max(1, timeout.toMillis())) > 0;
            if (isClosed()) {
                throw new AsynchronousCloseException();
            }
            return ready;
        } catch (ClosedSelectorException | java.nio.channels.CancelledKeyException e) {
            throw new AsynchronousCloseException();
        }
    }

    /** Gives the selector back; the next wait borrows one again. Worker only. */
    void release() {
        Selector borrowed;
        synchronized (this) {
            borrowed = selector;
            selector = null;
        }
        if (key != null) {
            key.cancel();
            key = null;
        }
        if (borrowed == null) {
            return;
        }
        try {
            borrowed.selectNow(); // completes the deregistration before another channel uses it
            pool.giveBack(borrowed);
        } catch (IOException | RuntimeException e) {
            try {
                borrowed.close();
            } catch (IOException ignored) {
                // a broken selector is simply dropped
            }
        }
    }

    /** Any thread: the connection is closing; a worker waiting here wakes up and fails. */
    synchronized void close() {
        closed = true;
        if (selector != null) {
            selector.wakeup();
        }
    }

    private synchronized Selector borrowed() throws IOException {
        if (closed) {
            throw new AsynchronousCloseException();
        }
        if (selector == null) {
            selector = pool.borrow();
        }
        return selector;
    }

    private synchronized boolean isClosed() {
        return closed;
    }
}
