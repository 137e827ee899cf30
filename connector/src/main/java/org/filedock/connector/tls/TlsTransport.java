package org.filedock.connector.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
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
 * What the server sends before the handshake is over (the greeting) is kept and sent once it is.
 */
final class TlsTransport implements Transport {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final SocketChannel channel;
    private final SSLEngine engine;
    /** Bytes from the socket not yet decrypted; write mode. Worker only. */
    private ByteBuffer netIn;
    /** Decrypted bytes not yet handed out, when the caller's buffer was too small for a record; read mode. */
    private ByteBuffer appIn;
    /** Encrypted bytes not yet on the socket; read mode. Guarded by {@link #outbound}. */
    private final ByteBuffer netOut;
    /** What the server sent before the handshake was over; write mode, {@code null} if nothing. */
    private ByteBuffer early;
    private final Object outbound = new Object();
    private volatile boolean established;
    private boolean inboundDone;
    /** Whether the last {@link #unwrap} used bytes (a handshake record decrypts to nothing). Worker only. */
    private boolean unwrapMadeProgress;

    TlsTransport(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
        this.netOut = ByteBuffer.allocate(packet).flip();
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
            sendAlert();
            throw e;
        }
    }

    private int readRecords(ByteBuffer target) throws IOException {
        int produced = 0;
        while (true) {
            if (!flush()) {
                return produced;
            }
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                runDelegatedTasks();
                continue;
            }
            if (status == HandshakeStatus.NEED_WRAP) {
                refuseRenegotiation();
                wrapHandshake();
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
        noteFinished(result);
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
        synchronized (outbound) {
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
    }

    @Override
    public boolean flush() throws IOException {
        synchronized (outbound) {
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

    /** What the engine has to say in the handshake (or a TLS 1.3 KeyUpdate), after anything still unsent. */
    private void wrapHandshake() throws IOException {
        synchronized (outbound) {
            if (flush()) {
                wrap(EMPTY);
            }
        }
    }

    /** After a failed unwrap the engine has an alert to say (e.g. protocol_version); sent if the socket takes it now. */
    private void sendAlert() {
        synchronized (outbound) {
            try {
                if (!netOut.hasRemaining()) {
                    wrap(EMPTY);
                }
            } catch (IOException | RuntimeException e) {
                // the client hears of the failure by the closed connection instead
            }
        }
    }

    private int keepEarly(ByteBuffer source) {
        int n = source.remaining();
        if (early == null) {
            early = ByteBuffer.allocate(Math.max(n, 256));
        } else if (early.remaining() < n) {
            early = grow(early, n);
        }
        early.put(source);
        return n;
    }

    private void noteFinished(SSLEngineResult result) {
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            established = true;
        }
    }

    /**
     * TLS 1.2 lets a client start a new handshake on an established connection; FileDock does
     * not take part (a cheap way to make the server work hard, and nothing a client needs).
     * TLS 1.3's KeyUpdate is no handshake and is answered.
     */
    private void refuseRenegotiation() throws SSLException {
        if (established && !"TLSv1.3".equals(engine.getSession().getProtocol())) {
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

    private static ByteBuffer grow(ByteBuffer buffer, int extra) {
        ByteBuffer larger = ByteBuffer.allocate(buffer.capacity() + extra);
        return larger.put(buffer.flip());
    }

    @Override
    public int readInterest() {
        synchronized (outbound) {
            return netOut.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        }
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
        return established;
    }

    /** Sends close_notify if the socket takes it now (no payload record is half sent), then closes. */
    @Override
    public void close() throws IOException {
        try {
            synchronized (outbound) {
                engine.closeOutbound();
                if (established && !netOut.hasRemaining()) {
                    wrap(EMPTY);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the goodbye is a courtesy; the socket closes regardless
        } finally {
            channel.close();
        }
    }
}
