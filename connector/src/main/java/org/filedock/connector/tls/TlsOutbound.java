package org.filedock.connector.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * The sending half of a {@link TlsTransport}: encrypts one record at a time into a record-sized
 * buffer and pushes it to the non-blocking socket. Any thread may send (a worker's replies and
 * payloads, the selector's greeting and timeouts, a shutdown's last words), so every method
 * holds this object's lock; none of them blocks. What is sent before the handshake is over (the
 * greeting) is kept and encrypted once it is.
 */
final class TlsOutbound {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final SocketChannel channel;
    private final SSLEngine engine;
    /** Encrypted bytes not yet on the socket; read mode. */
    private final ByteBuffer netOut;
    /** What the server sent before the handshake was over; write mode, {@code null} if nothing. */
    private ByteBuffer early;
    private volatile boolean established;

    TlsOutbound(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        this.netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize()).flip();
    }

    boolean established() {
        return established;
    }

    /** Notes the end of the handshake from any engine call's result. */
    void noteFinished(SSLEngineResult result) {
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            established = true;
        }
    }

    synchronized int write(ByteBuffer source) throws IOException {
        if (!established) {
            return keepEarly(source);
        }
        int taken = 0;
        while (source.hasRemaining() && flush()) {
            SSLEngineResult result = wrap(source);
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new ClosedChannelException();
            }
            if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                break; // the engine waits for the client first
            }
            taken += result.bytesConsumed();
        }
        return taken;
    }

    /** @return {@code true} when nothing waits to be sent (bytes kept until the handshake ends aside) */
    synchronized boolean flush() throws IOException {
        while (true) {
            while (netOut.hasRemaining()) {
                if (channel.write(netOut) == 0) {
                    return false;
                }
            }
            if (!established || early == null) {
                return true;
            }
            early.flip();
            SSLEngineResult result = wrap(early);
            early = early.hasRemaining() ? early.compact() : null;
            if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                return true; // the engine waits for the client first; the rest goes later
            }
        }
    }

    synchronized boolean pending() {
        return netOut.hasRemaining();
    }

    /** What the engine has to say in the handshake (or a TLS 1.3 KeyUpdate), after anything still unsent. */
    synchronized void wrapHandshake() throws IOException {
        if (flush()) {
            wrap(EMPTY);
        }
    }

    /**
     * The engine's last words, if the socket takes them now and no record is half sent: the
     * alert after a failed handshake (e.g. protocol_version), close_notify after
     * {@link SSLEngine#closeOutbound()}. A courtesy: failing to send them changes nothing.
     */
    synchronized void sayLastWords() {
        try {
            if (!netOut.hasRemaining()) {
                wrap(EMPTY);
            }
        } catch (IOException | RuntimeException e) {
            // the client learns of the end by the closed connection instead
        }
    }

    /** Encrypts one record's worth of {@code source} into the empty {@link #netOut}; tries to send it. */
    private SSLEngineResult wrap(ByteBuffer source) throws IOException {
        SSLEngineResult result;
        netOut.clear();
        try {
            result = engine.wrap(source, netOut);
        } finally {
            netOut.flip();
        }
        noteFinished(result);
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException("cannot encrypt: no room for a record");
        }
        channel.write(netOut); // CLOSED may still have produced the last words (close_notify, an alert)
        return result;
    }

    private int keepEarly(ByteBuffer source) {
        int n = source.remaining();
        if (early == null) {
            early = ByteBuffer.allocate(Math.max(n, 256));
        } else if (early.remaining() < n) {
            early = TlsTransport.grow(early, n);
        }
        early.put(source);
        return n;
    }
}
