package org.filedock.connector.net;

import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.spi.work.Work;

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
    /** How long a worker waits for a busy client's next command before handing the connection back. */
    private static final Duration LINGER = Duration.ofMillis(2);

    private final Connection connection;
    private final ProtocolServer server;

    ConnectionWork(Connection connection, ProtocolServer server) {
        this.connection = connection;
        this.server = server;
    }

    @Override
    public void run() {
        boolean watchAgain = false;
        try {
            watchAgain = serve();
        } catch (LineTooLongException e) {
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
        if (watchAgain) {
            server.watch(connection);
        }
    }

    /** Executes the lines that have arrived; {@code true} when the selector should watch the connection again. */
    private boolean serve() throws IOException {
        while (!connection.isClosed()) {
            Connection.LineStatus status;
            try {
                status = connection.readLine();
            } catch (MalformedLineException e) {
                connection.send(Reply.error(ErrorCode.BAD_REQUEST, "invalid UTF-8"));
                continue;
            }
            switch (status) {
                case LINE -> execute(connection.lastLine());
                case NEED_MORE -> {
                    if (!connection.awaitMoreInput(LINGER)) {
                        return true;
                    }
                }
                case CLOSED -> {
                    server.closed(connection);
                    return false;
                }
            }
        }
        return false;
    }

    private void execute(String line) throws IOException {
        Request request;
        try {
            request = Request.parse(line);
        } catch (RequestSyntaxException e) {
            connection.send(Reply.error(ErrorCode.BAD_REQUEST, e.getMessage()));
            return;
        }
        CommandDispatcher dispatcher = server.dispatcher();
        if (dispatcher == null) {
            connection.send(Reply.error(ErrorCode.INTERNAL, "server not ready"));
            return;
        }
        ConnectionExchange exchange = new ConnectionExchange(connection);
        Reply reply = dispatcher.dispatch(request, exchange);
        exchange.finish();
        if (connection.isClosed()) {
            server.closed(connection);
            return;
        }
        if (reply == null) {
            return;
        }
        connection.send(reply);
        if (reply.isDisconnected()) {
            server.closed(connection);
        }
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
