package org.filedock.connector.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.filedock.api.FileDockConfig;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;

/**
 * Whether a newly accepted connection gets a session: not over the connection limit, not while
 * the application stops. A refused one gets its reason instead of the greeting and is closed.
 */
final class Admission {

    static final String SHUTTING_DOWN = "server shutting down";

    private static final Logger LOG = Logger.getLogger(Admission.class.getName());
    private static final byte[] LIMIT_REPLY = line(Reply.error(ErrorCode.LIMIT, "too many connections"));
    private static final byte[] SHUTTING_DOWN_REPLY = line(Reply.disconnected(SHUTTING_DOWN));

    private final int maxConnections;
    private final AtomicLong refusedForLimit = new AtomicLong();
    private volatile boolean shuttingDown;

    Admission(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    void shutDown() {
        shuttingDown = true;
    }

    /**
     * @param tellWhy whether a refused client is told why in plain text (not on the TLS port,
     *        whose client could not read it: there the connection is only closed)
     * @return {@code false} if the connection was refused (and is closed)
     */
    boolean admit(SocketChannel channel, int openConnections, boolean tellWhy) {
        if (shuttingDown) {
            refuse(channel, tellWhy ? SHUTTING_DOWN_REPLY : null);
            return false;
        }
        if (openConnections >= maxConnections) {
            long refused = refusedForLimit.incrementAndGet();
            if (refused == 1 || refused % 1000 == 0) {
                LOG.warning("FileDock refused a connection from " + channel.socket().getRemoteSocketAddress()
                        + ": " + maxConnections + " connections are open (" + FileDockConfig.MAX_CONNECTIONS
                        + "); " + refused + " refused so far");
            }
            refuse(channel, tellWhy ? LIMIT_REPLY : null);
            return false;
        }
        return true;
    }

    private static void refuse(SocketChannel channel, byte[] reply) {
        try (channel) {
            if (reply != null) {
                channel.configureBlocking(false);
                channel.write(ByteBuffer.wrap(reply)); // a new socket's buffer has room for it
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not tell a refused client why", e);
        }
    }

    private static byte[] line(Reply reply) {
        return (reply.toLine() + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
