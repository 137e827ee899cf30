package org.filedock.connector.net;

import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.spi.work.Work;

import org.filedock.api.metrics.FileDockCounters;
import org.filedock.connector.dispatch.CommandDispatcher;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.LineTooLongException;
import org.filedock.protocol.MalformedLineException;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;
import org.filedock.protocol.RequestSyntaxException;

/**
 * Runs on a work-manager thread when a connection has bytes to read: executes every complete
 * command line that has arrived, then hands the connection back to the selector and returns.
 */
final class ConnectionWork implements Work {

    private static final Logger LOG = Logger.getLogger(ConnectionWork.class.getName());
    /**
     * How long one worker serves one busy connection before the others have a turn, if others
     * wait for a worker: a client that pipelines goes to the back of the work manager's queue,
     * one that waits for each reply back to the selector. With nobody waiting the worker stays:
     * a hand-over costs a thread switch, a thread with cold caches, and often a client and a
     * worker on the same core for a while.
     */
    static final Duration TURN = Duration.ofMillis(20);
    /**
     * How long a worker waits for a busy client's next command before handing the connection back
     * to the selector: the next command of a client in a loop comes within a round trip, and
     * catching it here saves a hand-over to the selector and a new work.
     */
    private static final Duration LINGER = Duration.ofMillis(2);

    private final Connection connection;
    private final ProtocolServer server;
    /** A command's final reply that was held back ({@code Exchange.replyNoSoonerThan}), sent first. */
    private final Reply heldReply;
    /** A reply this work holds back, to be handed to the server once the work is done with the connection. */
    private Reply toHold;
    private long toHoldUntilNanos;

    ConnectionWork(Connection connection, ProtocolServer server) {
        this(connection, server, null);
    }

    ConnectionWork(Connection connection, ProtocolServer server, Reply heldReply) {
        this.connection = connection;
        this.server = server;
        this.heldReply = heldReply;
    }

    /** What the connection needs once this work returns. */
    private enum Next { WATCH, RESCHEDULE, HOLD_REPLY, NOTHING }

    @Override
    public void run() {
        server.workStarted();
        Next next = Next.NOTHING;
        try {
            if (heldReply == null || sendHeldReply()) {
                next = serve();
            }
        } catch (LineTooLongException e) {
            FileDockCounters.COMMANDS.unparsed();
            tryToSend(Reply.error(ErrorCode.BAD_REQUEST, "line too long"));
            server.disconnect(connection, "line too long");
        } catch (IOException e) {
            LOG.log(Level.FINE, connection.session() + " lost", e);
            server.closed(connection);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected failure on " + connection.session(), e);
            server.disconnect(connection, "internal error");
        } finally {
            // before the connection can reach another worker
            connection.releaseWorkerResources();
        }
        switch (next) {
            case WATCH -> server.watch(connection);
            case RESCHEDULE -> server.reschedule(connection);
            case HOLD_REPLY -> server.replyLater(connection, toHold, toHoldUntilNanos - System.nanoTime());
            case NOTHING -> { }
        }
    }

    /** @return whether the connection goes on */
    private boolean sendHeldReply() throws IOException {
        if (connection.isClosed()) {
            server.closed(connection);
            return false;
        }
        connection.commandEnded();
        return sendFinal(heldReply);
    }

    /** Executes the lines that have arrived, and those that come while the worker lingers. */
    private Next serve() throws IOException {
        long turnEnds = System.nanoTime() + TURN.toNanos();
        boolean turnOver = false;
        // the selector saw bytes; after a reply, the next line is awaited before the socket is read
        boolean readSocket = true;
        while (!connection.isClosed()) {
            if (turnOver && connection.hasBufferedInput()) {
                return Next.RESCHEDULE;
            }
            try {
                Connection.LineStatus status = connection.readLine(readSocket);
                if (status == Connection.LineStatus.NEED_MORE) {
                    if (turnOver || !connection.awaitMoreInput(LINGER)) {
                        return Next.WATCH;
                    }
                    readSocket = true;
                    continue;
                }
                if (status == Connection.LineStatus.CLOSED) {
                    server.closed(connection);
                    return Next.NOTHING;
                }
                if (!execute(connection.lastLine())) {
                    return Next.HOLD_REPLY;
                }
            } catch (MalformedLineException e) {
                // only the framer throws it: the line is answered and the connection stays usable
                FileDockCounters.COMMANDS.unparsed();
                connection.send(Reply.error(ErrorCode.BAD_REQUEST, "invalid UTF-8"));
            }
            connection.commandEnded();
            turnOver = turnOver(turnEnds);
            readSocket = false;
        }
        return Next.NOTHING;
    }

    private boolean turnOver(long turnEnds) {
        return System.nanoTime() - turnEnds >= 0 && server.othersWaiting();
    }

    /** @return {@code false} when the command's reply is held back: this worker leaves the connection */
    private boolean execute(String line) throws IOException {
        Request request;
        try {
            request = Request.parse(line);
        } catch (RequestSyntaxException e) {
            FileDockCounters.COMMANDS.unparsed();
            connection.send(Reply.error(ErrorCode.BAD_REQUEST, e.getMessage()));
            return true;
        }
        if (server.draining()) {
            // a graceful stop: the running command was this connection's last
            sendFinal(answered(request, Reply.disconnected(Admission.SHUTTING_DOWN)));
            return true;
        }
        CommandDispatcher dispatcher = server.dispatcher();
        if (dispatcher == null) {
            connection.send(answered(request, Reply.error(ErrorCode.INTERNAL, "server not ready")));
            return true;
        }
        ConnectionExchange exchange = new ConnectionExchange(connection);
        Reply reply = answered(request, dispatcher.dispatch(request, exchange));
        exchange.finish();
        if (connection.isClosed()) {
            server.closed(connection);
            return true;
        }
        if (reply == null) {
            return true;
        }
        long delayLeft = exchange.replyDelayLeftNanos();
        if (delayLeft > 0) {
            toHold = reply;
            toHoldUntilNanos = System.nanoTime() + delayLeft;
            return false;
        }
        sendFinal(reply);
        return true;
    }

    /** Counts the command by its word and its reply (the metrics' one hook for every command and BUSY). */
    private static Reply answered(Request request, Reply reply) {
        FileDockCounters.COMMANDS.answered(request.verb(), reply);
        return reply;
    }

    /** @return whether the connection goes on */
    private boolean sendFinal(Reply reply) throws IOException {
        connection.send(reply);
        if (reply.isDisconnected()) {
            server.closed(connection);
            return false;
        }
        return true;
    }

    private void tryToSend(Reply reply) {
        try {
            connection.send(reply);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not send to " + connection.session(), e);
        }
    }

    @Override
    public void release() {
        // the worker returns on its own once the connection has nothing more to read
    }
}
