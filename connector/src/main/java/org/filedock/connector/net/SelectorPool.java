package org.filedock.connector.net;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Spare selectors for workers that must wait on one connection (a transfer, a reply that did not
 * fit the socket buffer, the next command of a busy client). There are never more of them than
 * workers waiting at once, so idle connections cost no file descriptors beyond their socket.
 */
final class SelectorPool implements Closeable {

    private static final Logger LOG = Logger.getLogger(SelectorPool.class.getName());

    private final ConcurrentLinkedQueue<Selector> spare = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    Selector borrow() throws IOException {
        Selector selector = spare.poll();
        return selector != null ? selector : Selector.open();
    }

    /** Takes back a selector that no channel is registered with any more. */
    void giveBack(Selector selector) {
        if (closed) {
            closeQuietly(selector);
            return;
        }
        spare.add(selector);
    }

    @Override
    public void close() {
        closed = true;
        Selector selector;
        while ((selector = spare.poll()) != null) {
            closeQuietly(selector);
        }
    }

    private static void closeQuietly(Selector selector) {
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a spare selector", e);
        }
    }
}
