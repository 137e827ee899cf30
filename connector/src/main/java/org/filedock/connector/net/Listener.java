package org.filedock.connector.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One listening socket and the transport its connections speak. Accepting pauses for a while
 * after it failed (e.g. no file descriptor left), so that the connections already open are served.
 */
final class Listener {

    private static final Logger LOG = Logger.getLogger(Listener.class.getName());
    private static final long ACCEPT_PAUSE_NANOS = Duration.ofMillis(500).toNanos();

    private final ServerSocketChannel channel;
    private final TransportFactory transports;
    private final int port;
    private SelectionKey key;
    /** Selector thread only: when accepting, paused after a failure, starts again; 0 if not paused. */
    private long pausedUntil;

    private Listener(ServerSocketChannel channel, TransportFactory transports) throws IOException {
        this.channel = channel;
        this.transports = transports;
        this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    static Listener open(String bindAddress, int port, TransportFactory transports, Selector selector)
            throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(bindAddress, port), 1024);
            channel.configureBlocking(false);
            Listener listener = new Listener(channel, transports);
            listener.key = channel.register(selector, SelectionKey.OP_ACCEPT, listener);
            return listener;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    TransportFactory transports() {
        return transports;
    }

    /** The next pending connection, or {@code null}; pauses accepting if that failed. */
    SocketChannel accept() {
        try {
            return channel.accept();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not accept a connection on port " + port()
                    + "; accepting again in 500 ms", e);
            key.interestOps(0);
            pausedUntil = System.nanoTime() + ACCEPT_PAUSE_NANOS;
            return null;
        }
    }

    /** Accepts again once the pause after a failure is over. */
    void tick(long nowNanos) {
        if (pausedUntil != 0 && nowNanos - pausedUntil >= 0) {
            pausedUntil = 0;
            key.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    /** The port actually bound. */
    int port() {
        return port;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing listener", e);
        }
    }
}
