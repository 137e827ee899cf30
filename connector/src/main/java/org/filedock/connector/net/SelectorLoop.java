package org.filedock.connector.net;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;

/**
 * The one long-running work of the adapter: accepts connections, notices readable ones, and on
 * a coarse timer lets the server look after idle ones ({@link ProtocolServer#tick(long)}), so
 * that no timeout needs a thread of its own.
 */
final class SelectorLoop implements Work, WorkContextProvider {

    private static final Logger LOG = Logger.getLogger(SelectorLoop.class.getName());
    private final ProtocolServer server;
    private final Selector selector;
    private final long tickNanos;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running = true;

    SelectorLoop(ProtocolServer server, Selector selector, Duration tick) {
        this.server = server;
        this.selector = selector;
        this.tickNanos = tick.toNanos();
    }

    @Override
    public List<WorkContext> getWorkContexts() {
        HintsContext hints = new HintsContext();
        hints.setName("FileDock selector");
        hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
        return List.of(hints);
    }

    @Override
    public void run() {
        try {
            long nextTick = System.nanoTime() + tickNanos;
            while (running) {
                long waitMillis = TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime());
                selector.select(Math.max(1, waitMillis));
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    handle(key);
                }
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    server.tick(now);
                    nextTick = now + tickNanos;
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.log(Level.SEVERE, "the FileDock listener failed", e);
            }
        } finally {
            server.closeQuietly();
            finished.countDown();
        }
    }

    private void handle(SelectionKey key) {
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isAcceptable()) {
                server.acceptPending((Listener) key.attachment());
            } else if (key.isReadable() || key.isWritable()) { // writable: a TLS handshake's output waited for room
                server.readable((Connection) key.attachment());
            }
        } catch (CancelledKeyException e) {
            // closed meanwhile by a worker
        } catch (RuntimeException e) {
            // one connection's trouble must not end the listener for everybody
            LOG.log(Level.SEVERE, "unexpected failure in the FileDock selector", e);
            if (key.attachment() instanceof Connection connection) {
                server.closed(connection);
            }
        }
    }

    void stopAndAwait() {
        running = false;
        selector.wakeup();
        try {
            if (!finished.await(10, TimeUnit.SECONDS)) {
                LOG.warning("the FileDock listener did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void release() {
        running = false;
        selector.wakeup();
    }
}
