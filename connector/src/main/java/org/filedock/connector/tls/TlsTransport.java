package org.filedock.connector.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

import org.filedock.connector.net.Transport;

/**
 * The protocol inside TLS, with an {@link SSLEngine} on a non-blocking socket. The handshake is
 * driven by whoever reads (the connection's worker, called when the selector saw bytes), so no
 * thread waits for a handshake. Payload bytes are decrypted straight into the caller's buffer
 * when it can take a whole record (the pooled 1 MiB buffers can), and encrypted straight from it.
 * Sending is {@link TlsOutbound}'s part.
 */
final class TlsTransport implements Transport {

    private final SocketChannel channel;
    private final SSLEngine engine;
    /** Bytes from the socket not yet decrypted; write mode. Worker only. */
    private ByteBuffer netIn;
    /** Decrypted bytes not yet handed out, when the caller's buffer was too small for a record; read mode. */
    private ByteBuffer appIn;
    private final TlsOutbound outbound;
    private boolean inboundDone;
    /** Whether the last {@link #unwrap} used bytes (a handshake record decrypts to nothing). Worker only. */
    private boolean unwrapMadeProgress;

    TlsTransport(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
        this.outbound = new TlsOutbound(channel, engine);
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        if (appIn.hasRemaining()) {
            return drainAppIn(target);
        }
        if (inboundDone) {
            return -1;
        }
        try {
            return readRecords(target);
        } catch (SSLException e) {
            outbound.sayLastWords(); // the alert
            throw e;
        }
    }

    private int readRecords(ByteBuffer target) throws IOException {
        int produced = 0;
        while (true) {
            if (!outbound.flush()) {
                return produced;
            }
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                runDelegatedTasks();
                continue;
            }
            if (status == HandshakeStatus.NEED_WRAP) {
                refuseRenegotiation();
                outbound.wrapHandshake();
                continue;
            }
            if (netIn.position() > 0) {
                int n = unwrap(target);
                if (n < 0) {
                    return produced > 0 ? produced : -1;
                }
                if (n > 0 || unwrapMadeProgress) {
                    produced += n;
                    if (appIn.hasRemaining()) {
                        return produced + drainAppIn(target);
                    }
                    if (target.remaining() < appIn.capacity() && produced > 0) {
                        return produced;
                    }
                    continue;
                }
            }
            if (produced > 0) {
                return produced;
            }
            int read = channel.read(netIn);
            if (read < 0) {
                inboundDone = true;
                return -1; // without close_notify: the client is gone either way
            }
            if (read == 0) {
                return 0;
            }
        }
    }

    /**
     * Decrypts one record from {@link #netIn}: into {@code target} when it can take a whole
     * record, else into {@link #appIn}.
     *
     * @return the bytes decrypted into {@code target} (0 when they went to {@code appIn}, or none
     *         came out), -1 once the client said close_notify
     */
    private int unwrap(ByteBuffer target) throws IOException {
        boolean direct = target.remaining() >= appIn.capacity();
        ByteBuffer destination = direct ? target : appIn.clear();
        SSLEngineResult result;
        netIn.flip();
        try {
            result = engine.unwrap(netIn, destination);
        } finally {
            netIn.compact();
            if (!direct) {
                appIn.flip();
            }
        }
        unwrapMadeProgress = result.bytesConsumed() > 0;
        outbound.noteFinished(result);
        switch (result.getStatus()) {
            case CLOSED -> {
                inboundDone = true;
                return -1;
            }
            case BUFFER_UNDERFLOW -> {
                if (!netIn.hasRemaining()) {
                    netIn = grow(netIn, engine.getSession().getPacketBufferSize());
                }
                unwrapMadeProgress = false;
                return 0;
            }
            case BUFFER_OVERFLOW -> {
                appIn = grow(appIn.compact(), engine.getSession().getApplicationBufferSize()).flip();
                unwrapMadeProgress = true; // try again with the larger buffer
                return 0;
            }
            default -> {
                return direct ? result.bytesProduced() : 0;
            }
        }
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        return outbound.write(source);
    }

    @Override
    public boolean flush() throws IOException {
        return outbound.flush();
    }

    /**
     * TLS 1.2 lets a client start a new handshake on an established connection; FileDock does
     * not take part (a cheap way to make the server work hard, and nothing a client needs).
     * TLS 1.3's KeyUpdate is no handshake and is answered.
     */
    private void refuseRenegotiation() throws SSLException {
        if (outbound.established() && !"TLSv1.3".equals(engine.getSession().getProtocol())) {
            throw new SSLException("TLS renegotiation refused");
        }
    }

    private void runDelegatedTasks() throws SSLException {
        refuseRenegotiation();
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private int drainAppIn(ByteBuffer target) {
        int n = Math.min(appIn.remaining(), target.remaining());
        int limit = appIn.limit();
        appIn.limit(appIn.position() + n);
        target.put(appIn);
        appIn.limit(limit);
        return n;
    }

    static ByteBuffer grow(ByteBuffer buffer, int extra) {
        ByteBuffer larger = ByteBuffer.allocate(buffer.capacity() + extra);
        return larger.put(buffer.flip());
    }

    @Override
    public int readInterest() {
        return outbound.pending() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ;
    }

    @Override
    public boolean hasBufferedInput() {
        return appIn.hasRemaining() || holdsWholeRecord();
    }

    /** Whether {@link #netIn} holds a complete TLS record (5-byte header, its length in bytes 3-4). */
    private boolean holdsWholeRecord() {
        int buffered = netIn.position();
        if (buffered < 5) {
            return false;
        }
        int length = ((netIn.get(3) & 0xff) << 8) | (netIn.get(4) & 0xff);
        return buffered >= 5 + length;
    }

    @Override
    public boolean established() {
        return outbound.established();
    }

    /** Sends close_notify if the socket takes it now (no payload record is half sent), then closes. */
    @Override
    public void close() throws IOException {
        try {
            engine.closeOutbound();
            if (outbound.established()) {
                outbound.sayLastWords();
            }
        } finally {
            channel.close();
        }
    }
}
