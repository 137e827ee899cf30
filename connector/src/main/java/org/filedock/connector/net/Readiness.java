package org.filedock.connector.net;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Blocks a worker until one connection can be read or written, with a timeout. The selector is
 * borrowed on the first wait and the channel stays registered with it until {@link #release()},
 * so a transfer that waits thousands of times registers once. Only a worker uses it: an idle
 * connection holds neither a thread nor a selector.
 */
final class Readiness {

    private final SocketChannel channel;
    private final SelectorPool pool;
    private Selector selector;
    private SelectionKey key;

    Readiness(SocketChannel channel, SelectorPool pool) {
        this.channel = channel;
        this.pool = pool;
    }

    /** @return {@code false} when the timeout passed first */
    boolean await(int operation, Duration timeout) throws IOException {
        if (selector == null) {
            selector = pool.borrow();
        }
        if (key == null) {
            key = channel.register(selector, operation);
        } else if (key.interestOps() != operation) {
            key.interestOps(operation);
        }
        selector.selectedKeys().clear();
        return selector.select(Math.max(1, timeout.toMillis())) > 0;
    }

    /** Gives the selector back; the next wait borrows one again. */
    void release() {
        if (selector == null) {
            return;
        }
        Selector borrowed = selector;
        selector = null;
        if (key != null) {
            key.cancel();
            key = null;
        }
        try {
            borrowed.selectNow(); // completes the deregistration before another channel uses it
            pool.giveBack(borrowed);
        } catch (IOException | RuntimeException e) {
            try {
                borrowed.close();
            } catch (IOException ignored) {
                // nothing more to do for a broken selector
            }
        }
    }
}
