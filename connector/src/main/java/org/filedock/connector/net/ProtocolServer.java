package org.filedock.connector.net;

import java.io.IOException;
import java.net.BindException;
import java.net.StandardSocketOptions;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import org.filedock.api.ConnectorStatus;
import org.filedock.api.FileDockConfig;
import org.filedock.api.FileDockVersion;
import org.filedock.api.metrics.FileDockCounters;
import org.filedock.connector.dispatch.CommandDispatcher;
import org.filedock.connector.session.Session;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Protocol;
import org.filedock.protocol.Reply;

/**
 * The protocol listeners, plain and TLS (either may be off): one selector watches the listening
 * sockets and every idle connection;
 * a connection with bytes to read is handed to a work-manager thread ({@link ConnectionWork})
 * and watched again when that work returns. The selector's timer enforces the idle timeout,
 * and the connection limit is checked as each connection is accepted.
 */
public final class ProtocolServer implements ConnectorStatus {

    private static final Logger LOG = Logger.getLogger(ProtocolServer.class.getName());
    /** How long {@link #disconnectAll} waits, in all, for replies being written to finish. */
    private static final long WRITER_GRACE_NANOS = Duration.ofMillis(200).toNanos();
    private static final Duration LONGEST_TICK = Duration.ofSeconds(1);
    private static final Duration SHORTEST_TICK = Duration.ofMillis(50);
    /** How often a drain looks for connections that finished their command. */
    private static final Duration DRAIN_SWEEP = Duration.ofMillis(50);
    private static final Duration REBIND_PATIENCE = Duration.ofSeconds(2);
    private static final long REBIND_PAUSE_NANOS = Duration.ofMillis(5).toNanos();

    private final FileDockConfig config;
    private final WorkManager workManager;
    private final Supplier<CommandDispatcher> dispatcher;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionIds = new AtomicLong();
    /** Works scheduled for a readable connection and not started yet. */
    private final AtomicInteger waitingForWorker = new AtomicInteger();
    private final SelectorPool workerSelectors = new SelectorPool();
    private final Admission admission;
    /** The TLS listener's transports; {@code null} when TLS is off. */
    private final TransportFactory tlsTransports;
    private Listener plain;
    private Listener tls;
    /**
     * Hands held-back replies to a worker when they are due: only a timer thread, so that a
     * connection whose reply waits holds no worker (many of them must not starve the others).
     */
    private final ScheduledExecutorService heldReplies = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "FileDock held replies");
        thread.setDaemon(true);
        return thread;
    });
    private Selector selector;
    private SelectorLoop loop;
    private volatile Instant startedAt;
    /** Listeners closed for a graceful stop; connections end as their running command ends. */
    private volatile boolean draining;
    /** Completes when a drain has no connection left (or its bound passed); {@code null} when none runs. */
    private CompletableFuture<Void> drained;

    /** The plaintext listener only. */
    public ProtocolServer(FileDockConfig config, WorkManager workManager, Supplier<CommandDispatcher> dispatcher) {
        this(config, workManager, dispatcher, null);
    }

    /**
     * @param tlsTransports the TLS listener's transports (on {@code config.tls().port()}), {@code null}
     *        for no TLS listener
     */
    public ProtocolServer(FileDockConfig config, WorkManager workManager, Supplier<CommandDispatcher> dispatcher,
            TransportFactory tlsTransports) {
        this.config = config;
        this.workManager = workManager;
        this.dispatcher = dispatcher;
        this.admission = new Admission(config.maxConnections());
        this.tlsTransports = tlsTransports;
    }

    public void start() throws IOException, WorkException {
        selector = Selector.open();
        try {
            if (config.port().isPresent()) {
                plain = Listener.open(config.bindAddress(), config.port().getAsInt(), PlainTransport.FACTORY, selector);
            }
            if (tlsTransports != null) {
                tls = Listener.open(config.bindAddress(), config.tls().port().orElseThrow(), tlsTransports, selector);
            }
            loop = new SelectorLoop(this, selector, tickFor(config.idleTimeout()));
            workManager.startWork(loop);
        } catch (IOException | WorkException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
        startedAt = Instant.now();
    }

    /** A quarter of the idle timeout, between 50 ms and 1 s: timeouts are late by at most that. */
    static Duration tickFor(Duration idleTimeout) {
        Duration quarter = idleTimeout.dividedBy(4);
        if (quarter.compareTo(LONGEST_TICK) > 0) {
            return LONGEST_TICK;
        }
        return quarter.compareTo(SHORTEST_TICK) < 0 ? SHORTEST_TICK : quarter;
    }

    /**
     * The first step of a graceful stop: the listening sockets close (a connecting client is refused,
     * so a balancer tries another node), idle clients are disconnected, and a client that sends its
     * next command is told that the server is shutting down; commands running now go on.
     */
    public synchronized void stopAccepting() {
        if (draining || startedAt == null) {
            return;
        }
        draining = true;
        closeListeners();
        selector.wakeup(); // the selector completes the listeners' deregistration: the ports are free
        LOG.info("FileDock stopped accepting connections (draining " + connections.size() + " connections)");
    }

    /**
     * Stops accepting and waits, without blocking the caller, for every connection to finish its
     * running command; connections still busy after {@code bound} are cut off as if their client
     * had gone (an upload leaves nothing visible, a download ends short).
     */
    public synchronized CompletableFuture<Void> drain(Duration bound) {
        if (startedAt == null) {
            return CompletableFuture.completedFuture(null); // never listened (e.g. the server boots suspended)
        }
        stopAccepting();
        if (drained == null) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            long deadline = System.nanoTime() + bound.toNanos();
            try {
                ScheduledFuture<?> sweeping = heldReplies.scheduleWithFixedDelay(() -> sweepDraining(deadline, done),
                        0, DRAIN_SWEEP.toMillis(), TimeUnit.MILLISECONDS);
                done.whenComplete((ignored, failure) -> sweeping.cancel(false));
            } catch (RejectedExecutionException e) {
                done.complete(null); // stopped already: nothing left to drain
            }
            drained = done;
        }
        return drained;
    }

    private void sweepDraining(long deadline, CompletableFuture<Void> done) {
        boolean late = System.nanoTime() - deadline >= 0;
        List<Reply> lastWords = List.of(Reply.disconnected(Admission.SHUTTING_DOWN));
        for (Connection connection : connections) {
            if (connection.isClosed()) {
                connections.remove(connection);
            } else if (late) {
                LOG.warning(connection.session() + " still busy when the drain's time ran out: disconnected");
                if (!connection.tryDisconnect(lastWords, 0)) {
                    connection.close();
                }
                connections.remove(connection);
            } else if (!connection.inWork() && connection.tryDisconnect(lastWords, 0)) {
                connections.remove(connection);
            }
        }
        if (connections.isEmpty()) {
            LOG.info("FileDock drained: no connection left");
            done.complete(null);
        }
    }

    /** The server resumes after a suspend: the listeners open again on the ports they had. */
    public synchronized void acceptAgain() throws IOException {
        if (drained != null) {
            drained.complete(null);
            drained = null;
        }
        if (!draining) {
            return;
        }
        if (plain != null) {
            plain = reopen(plain.port(), PlainTransport.FACTORY);
        }
        if (tls != null) {
            tls = reopen(tls.port(), tlsTransports);
        }
        draining = false;
        selector.wakeup();
        LOG.info("FileDock accepts connections again");
    }

    /**
     * A closed listener's port is released only when the selector loop next deregisters its key,
     * so a bind right after {@link #stopAccepting()} can still find the port taken: retry briefly.
     */
    private Listener reopen(int port, TransportFactory transports) throws IOException {
        long deadline = System.nanoTime() + REBIND_PATIENCE.toNanos();
        while (true) {
            try {
                return Listener.open(config.bindAddress(), port, transports, selector);
            } catch (BindException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                selector.wakeup();
                LockSupport.parkNanos(REBIND_PAUSE_NANOS);
            }
        }
    }

    /** Whether a graceful stop is draining the connections (no listener open). */
    boolean draining() {
        return draining;
    }

    /** Closes the listener, disconnects every client and returns once the port is free. */
    public void stop() {
        synchronized (this) {
            if (drained != null) {
                drained.complete(null);
            }
        }
        admission.shutDown();
        if (loop != null) {
            loop.stopAndAwait();
        }
        heldReplies.shutdownNow();
        disconnectAll(Admission.SHUTTING_DOWN);
        closeQuietly();
        workerSelectors.close();
    }

    /**
     * The application is going away: every client is disconnected now, so that running
     * transfers end, and newcomers are turned away until {@link #stop()} closes the port.
     */
    public void shuttingDown() {
        admission.shutDown();
        disconnectAll(Admission.SHUTTING_DOWN);
    }

    /**
     * Disconnects every client (a running transfer fails at once, so its command ends and its
     * thread returns); the listener stays open.
     */
    public void disconnectAll(String why) {
        List<Reply> lastWords = List.of(Reply.disconnected(why));
        List<Connection> writing = new ArrayList<>();
        for (Connection connection : connections) {
            if (connection.tryDisconnect(lastWords, 0)) {
                connections.remove(connection);
            } else {
                writing.add(connection);
            }
        }
        // a reply being written is usually done in microseconds; one to a client that does not read never is
        long deadline = System.nanoTime() + WRITER_GRACE_NANOS;
        for (Connection connection : writing) {
            if (!connection.tryDisconnect(lastWords, Math.max(0, deadline - System.nanoTime()))) {
                connection.close();
            }
            connections.remove(connection);
        }
    }

    void closeQuietly() {
        try {
            if (selector != null) {
                selector.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing selector", e);
        }
        closeListeners();
    }

    private void closeListeners() {
        if (plain != null) {
            plain.close();
        }
        if (tls != null) {
            tls.close();
        }
    }

    /** Called by the selector loop: accepts what waits on {@code listener} (both count against the limit). */
    void acceptPending(Listener listener) {
        SocketChannel channel;
        while ((channel = listener.accept()) != null) {
            accept(listener.transports(), channel);
        }
    }

    private void accept(TransportFactory transports, SocketChannel channel) {
        if (!admission.admit(channel, connections.size(), !transports.encrypted())) {
            FileDockCounters.CONNECTIONS.refused();
            return;
        }
        String client = String.valueOf(channel.socket().getRemoteSocketAddress()).replaceFirst("^/", "");
        Session session = new Session(Long.toString(sessionIds.incrementAndGet()), client);
        Transport transport;
        try {
            transport = transports.open(channel);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not set up the transport for " + session, e);
            closeQuietly(channel);
            return;
        }
        Connection connection = new Connection(channel, transport, session, config.maxLineBytes(),
                config.payloadTimeout(), workerSelectors);
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connections.add(connection);
            connection.send(Reply.ok(Protocol.GREETING + " (FileDock " + FileDockVersion.get()
                    + ", protocol " + Protocol.VERSION + ")"));
            connection.attach(channel.register(selector, SelectionKey.OP_READ, connection));
            FileDockCounters.CONNECTIONS.accepted();
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not greet " + session, e);
            closed(connection);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a connection that got no transport", e);
        }
    }

    /**
     * Called by the selector loop on its timer: idle sessions end, handshakes that stall beyond the
     * payload timeout are cut off, paused accepting resumes.
     */
    void tick(long nowNanos) {
        if (plain != null) {
            plain.tick(nowNanos);
        }
        if (tls != null) {
            tls.tick(nowNanos);
        }
        for (Connection connection : connections) {
            if (connection.establishingLongerThan(config.payloadTimeout(), nowNanos)) {
                LOG.fine(() -> connection.session() + " did not finish its TLS handshake within "
                        + config.payloadTimeout().toSeconds() + " s");
                closed(connection);
            } else if (connection.idleLongerThan(config.idleTimeout(), nowNanos)) {
                LOG.fine(() -> connection.session() + " idle for " + config.idleTimeout().toSeconds() + " s");
                connection.disconnect(List.of(Reply.error(ErrorCode.TIMEOUT, "idle timeout"),
                        Reply.disconnected("idle timeout")));
                connections.remove(connection);
            }
        }
    }

    /** Called by the selector loop: the connection has bytes, a worker takes it from here. */
    void readable(Connection connection) {
        try {
            connection.key().interestOps(0);
            connection.inWork(true);
            schedule(connection);
        } catch (WorkException e) {
            LOG.log(Level.SEVERE, "no worker for " + connection.session(), e);
            disconnect(connection, "server overloaded");
        } catch (CancelledKeyException e) {
            closed(connection);
        }
    }

    /** A worker hands over a connection with commands still buffered, so that others get a turn. */
    void reschedule(Connection connection) {
        try {
            schedule(connection);
        } catch (WorkException e) {
            LOG.log(Level.SEVERE, "no worker for " + connection.session(), e);
            disconnect(connection, "server overloaded");
        }
    }

    /**
     * A command's final reply is held back ({@code Exchange.replyNoSoonerThan}): in {@code delayNanos}
     * a worker sends it and serves the connection again; until then nobody reads from it.
     */
    void replyLater(Connection connection, Reply reply, long delayNanos) {
        try {
            heldReplies.schedule(() -> sendHeld(connection, reply), delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            closed(connection); // the server is stopping
        }
    }

    private void sendHeld(Connection connection, Reply reply) {
        try {
            schedule(new ConnectionWork(connection, this, reply));
        } catch (WorkException | RuntimeException e) {
            LOG.log(Level.SEVERE, "no worker for " + connection.session(), e);
            disconnect(connection, "server overloaded");
        }
    }

    private void schedule(Connection connection) throws WorkException {
        schedule(new ConnectionWork(connection, this));
    }

    private void schedule(ConnectionWork work) throws WorkException {
        waitingForWorker.incrementAndGet();
        try {
            workManager.scheduleWork(work);
        } catch (WorkException | RuntimeException e) {
            waitingForWorker.decrementAndGet();
            throw e;
        }
    }

    /** A work has started: its connection no longer waits for a worker. */
    void workStarted() {
        waitingForWorker.decrementAndGet();
    }

    /** Whether a connection with something to read waits for a worker (the pool is busy). */
    boolean othersWaiting() {
        return waitingForWorker.get() > 0;
    }

    /** A worker is done with the connection until the client sends more. */
    void watch(Connection connection) {
        connection.inWork(false);
        try {
            connection.key().interestOps(connection.readInterest());
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

    /** The plaintext port actually bound, -1 when that listener is off. */
    @Override
    public int port() {
        return plain == null ? -1 : plain.port();
    }

    @Override
    public Integer tlsPort() {
        return tls == null ? null : tls.port();
    }

    @Override
    public String tlsFingerprint() {
        return tlsTransports == null ? null : tlsTransports.certificateFingerprint();
    }

    @Override
    public int openSessions() {
        return connections.size();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public boolean accepting() {
        return startedAt != null && !draining;
    }
}
