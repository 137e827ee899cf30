package org.filedock.connector.net;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.List;

import org.filedock.api.Exchange;
import org.filedock.api.SessionState;
import org.filedock.protocol.Reply;

/** The {@link Exchange} handed to the endpoint for one command on one connection. */
final class ConnectionExchange implements Exchange {

    private final Connection connection;
    private final long arrivedNanos = System.nanoTime();
    private long replyDueNanos = arrivedNanos;
    private PayloadSink sink;

    ConnectionExchange(Connection connection) {
        this.connection = connection;
    }

    @Override
    public SessionState session() {
        return connection.session();
    }

    @Override
    public void send(Reply reply) throws IOException {
        connection.send(reply);
    }

    @Override
    public void send(Reply reply, List<String> lines) throws IOException {
        connection.send(reply, lines);
    }

    @Override
    public ReadableByteChannel receivePayload(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative payload size");
        }
        return new PayloadSource(connection, size);
    }

    @Override
    public WritableByteChannel payloadSink() {
        if (sink == null) {
            sink = new PayloadSink(connection);
        }
        return sink;
    }

    @Override
    public void abort() {
        connection.close();
    }

    @Override
    public void replyNoSoonerThan(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        replyDueNanos = Math.max(replyDueNanos, arrivedNanos + delay.toNanos());
    }

    /** How long the final reply must still wait, in nanoseconds; 0 or less: it may go now. */
    long replyDelayLeftNanos() {
        return replyDueNanos - System.nanoTime();
    }

    /** The command is over: whatever it sent, no payload is on its way any more. */
    void finish() {
        connection.payloadSent();
    }
}
