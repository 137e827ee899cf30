package org.filedock.connector.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import org.filedock.api.ConnectorStatus;
import org.filedock.api.FileDockConfig;
import org.filedock.api.FileDockVersion;
import org.filedock.connector.dispatch.CommandDispatcher;
import org.filedock.connector.session.Session;
import org.filedock.protocol.Protocol;
import org.filedock.protocol.Reply;

/**
 * The protocol listener: one selector watches the listening socket and every idle connection;
 * a connection with bytes to read is handed to a work-manager thread ({@link ConnectionWork})
 * and watched again when that work returns.
 */
public final class ProtocolServer implements ConnectorStatus {

    private static final Logger LOG = Logger.getLogger(ProtocolServer.class.getName());

    private final FileDockConfig config;
    private final WorkManager workManager;
    private final Supplier<CommandDispatcher> dispatcher;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionIds = new AtomicLong();
    private final SelectorPool workerSelectors = new SelectorPool();
    private ServerSocketChannel listener;
    private Selector selector;
    private SelectorLoop loop;
    private Instant startedAt;

    public ProtocolServer(FileDockConfig config, WorkManager workManager, Supplier<CommandDispatcher> dispatcher) {
        this.config = config;
        this.workManager = workManager;
        this.dispatcher = dispatcher;
    }

    public void start() throws IOException, WorkException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(config.bindAddress(), config.port().orElseThrow()), 1024);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            loop = new SelectorLoop(this, selector);
            workManager.startWork(loop);
        } catch (IOException | WorkException | RuntimeException e) {
            listener.close();
            selector.close();
            throw e;
        }
        startedAt = Instant.now();
    }

    /** Closes the listener, disconnects every client and returns once the port is free. */
    public void stop() {
        if (loop != null) {
            loop.stopAndAwait();
        }
        for (Connection connection : connections) {
            disconnect(connection, "server shutting down");
        }
        closeQuietly();
        workerSelectors.close();
    }

    void closeQuietly() {
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing selector", e);
        }
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing listener", e);
        }
    }

    void acceptPending() {
        try {
            SocketChannel channel;
            while ((channel = listener.accept()) != null) {
                accept(channel);
            }
        } catch (IOException e) {
            // e.g. out of file descriptors: keep serving the connections we have
            LOG.log(Level.WARNING, "could not accept a connection", e);
        }
    }

    private void accept(SocketChannel channel) {
        String client = String.valueOf(channel.socket().getRemoteSocketAddress()).replaceFirst("^/", "");
        Session session = new Session(Long.toString(sessionIds.incrementAndGet()), client);
        Connection connection = new Connection(channel, session, config.maxLineBytes(), config.payloadTimeout(),
                workerSelectors);
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connections.add(connection);
            connection.send(Reply.ok(Protocol.GREETING + " (FileDock " + FileDockVersion.get()
                    + ", protocol " + Protocol.VERSION + ")"));
            connection.attach(channel.register(selector, SelectionKey.OP_READ, connection));
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not greet " + session, e);
            closed(connection);
        }
    }

    /** Called by the selector loop: the connection has bytes, a worker takes it from here. */
    void readable(Connection connection) {
        try {
            connection.key().interestOps(0);
            workManager.scheduleWork(new ConnectionWork(connection, this));
        } catch (WorkException e) {
            LOG.log(Level.SEVERE, "no worker for " + connection.session(), e);
            disconnect(connection, "server overloaded");
        } catch (CancelledKeyException e) {
            closed(connection);
        }
    }

    /** A worker is done with the connection until the client sends more. */
    void watch(Connection connection) {
        try {
            connection.key().interestOps(SelectionKey.OP_READ);
            selector.wakeup();
        } catch (CancelledKeyException e) {
            closed(connection);
        }
    }

    void disconnect(Connection connection, String why) {
        connection.disconnect(why);
        connections.remove(connection);
    }

    void closed(Connection connection) {
        connection.close();
        connections.remove(connection);
    }

    CommandDispatcher dispatcher() {
        return dispatcher.get();
    }

    @Override
    public String bindAddress() {
        return config.bindAddress();
    }

    @Override
    public int port() {
        try {
            return ((InetSocketAddress) listener.getLocalAddress()).getPort();
        } catch (IOException e) {
            return config.port().orElse(-1);
        }
    }

    @Override
    public int openSessions() {
        return connections.size();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }
}
