package org.filedock.connector.net;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.filedock.api.PayloadTimeoutException;
import org.filedock.connector.session.Session;
import org.filedock.protocol.LineFramer;
import org.filedock.protocol.LineTooLongException;
import org.filedock.protocol.MalformedLineException;
import org.filedock.protocol.Reply;

/**
 * One client connection: its non-blocking channel and the {@link Transport} over it (plain or
 * TLS), the bytes read but not yet used, and the session. At most one worker uses it at a time
 * (the selector stops watching it meanwhile).
 */
public final class Connection {

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    /** Enough for many pipelined commands; payload bytes mostly bypass it. */
    private static final int INPUT_BUFFER = 16 * 1024;

    /** What {@link #readLine()} found. */
    enum LineStatus { LINE, NEED_MORE, CLOSED }

    private final SocketChannel channel;
    private final Transport transport;
    private final Session session;
    private final LineFramer framer;
    private final Duration ioTimeout;
    private final Readiness readiness;
    /** Kept in read mode. */
    private final ByteBuffer input;
    /** Held while a reply or payload is written, so that lines never interleave. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile SelectionKey key;
    private volatile boolean closed;
    private boolean sendingPayload;
    private String lastLine;
    /** When the last command ended (or the connection was accepted), for the idle timeout. */
    private volatile long lastCommandNanos = System.nanoTime();
    /** Set by the selector thread when it hands the connection to a worker, cleared by the worker. */
    private volatile boolean inWork;
    private final long acceptedNanos = lastCommandNanos;

    Connection(SocketChannel channel, Transport transport, Session session, int maxLineBytes, Duration ioTimeout,
            SelectorPool selectors) {
        this.channel = channel;
        this.transport = transport;
        this.session = session;
        this.framer = new LineFramer(maxLineBytes);
        this.ioTimeout = ioTimeout;
        this.readiness = new Readiness(channel, selectors);
        this.input = ByteBuffer.allocate(Math.max(INPUT_BUFFER, maxLineBytes)).flip();
    }

    public Session session() {
        return session;
    }

    void attach(SelectionKey key) {
        this.key = key;
    }

    SelectionKey key() {
        return key;
    }

    boolean isClosed() {
        return closed;
    }

    void commandEnded() {
        lastCommandNanos = System.nanoTime();
    }

    /** Whether no command ran and none is running for at least {@code timeout}. */
    boolean idleLongerThan(Duration timeout, long nowNanos) {
        return !inWork && !closed && nowNanos - lastCommandNanos > timeout.toNanos();
    }

    /** Whether the transport is still not ready (a TLS handshake) {@code timeout} after the accept. */
    boolean establishingLongerThan(Duration timeout, long nowNanos) {
        return !closed && nowNanos - acceptedNanos > timeout.toNanos() && !transport.established();
    }

    /** The socket operation the selector waits for on this connection's behalf. */
    int readInterest() {
        return transport.readInterest();
    }

    void inWork(boolean working) {
        inWork = working;
    }

    /** Whether a worker has the connection (a command runs or is about to). */
    boolean inWork() {
        return inWork;
    }

    /** Whether bytes already read are waiting to be framed. */
    boolean hasBufferedInput() {
        return input.hasRemaining() || transport.hasBufferedInput();
    }

    /**
     * Cuts the next line out of what the client has sent, reading the socket without blocking
     * when no complete line is buffered.
     *
     * @param readSocket {@code false} to look at the buffered bytes only: right after a reply the
     *        client's next line is a round trip away, and asking the socket would only cost a call
     * @throws LineTooLongException the client must be disconnected
     * @throws MalformedLineException the line is dropped, the connection stays usable
     */
    LineStatus readLine(boolean readSocket) throws IOException {
        while (true) {
            String line = framer.next(input);
            if (line != null) {
                lastLine = line;
                return LineStatus.LINE;
            }
            if (!readSocket) {
                return LineStatus.NEED_MORE;
            }
            input.compact();
            int n;
            try {
                n = transport.read(input);
            } finally {
                input.flip();
            }
            if (n < 0) {
                return LineStatus.CLOSED;
            }
            if (n == 0) {
                return LineStatus.NEED_MORE;
            }
        }
    }

    String lastLine() {
        return lastLine;
    }

    /**
     * Waits a little for the client's next bytes: a busy client's next command usually comes
     * within a round trip, and catching it here saves handing the connection to the selector and
     * back to a new worker.
     */
    boolean awaitMoreInput(Duration linger) throws IOException {
        return transport.hasBufferedInput() || readiness.await(transport.readInterest(), linger);
    }

    /** The worker is done with the connection for now. */
    void releaseWorkerResources() {
        readiness.release();
    }

    /** Copies payload bytes, first those already buffered, then from the socket, waiting up to the I/O timeout. */
    int readPayload(ByteBuffer target) throws IOException {
        if (input.hasRemaining()) {
            int n = Math.min(input.remaining(), target.remaining());
            ByteBuffer slice = input.slice().limit(n);
            target.put(slice);
            input.position(input.position() + n);
            return n;
        }
        while (true) {
            int n = transport.read(target);
            if (n < 0) {
                throw new EOFException("client closed the connection during the payload");
            }
            if (n > 0) {
                return n;
            }
            if (!readiness.await(transport.readInterest(), ioTimeout)) {
                throw new PayloadTimeoutException(
                        "no payload byte for " + ioTimeout.toSeconds() + " s");
            }
        }
    }

    /** Writes all of {@code bytes} to the client, waiting up to the I/O timeout for room. */
    void writeFully(ByteBuffer bytes) throws IOException {
        writeLock.lock();
        try {
            while (bytes.hasRemaining()) {
                if (transport.write(bytes) == 0) {
                    awaitWritable();
                }
            }
            while (!transport.flush()) {
                awaitWritable();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Writes payload bytes: what the socket accepts now, at least one byte, waiting up to the I/O
     * timeout for room; so a caller counting the bytes sees a slow client's progress at the pace
     * of the socket. From the first payload byte on, no line may be sent until
     * {@link #payloadSent()}.
     */
    int writePayload(ByteBuffer bytes) throws IOException {
        writeLock.lock();
        try {
            sendingPayload = true;
            while (true) {
                int n = transport.write(bytes);
                if (n > 0 || !bytes.hasRemaining()) {
                    return n;
                }
                awaitWritable();
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void awaitWritable() throws IOException {
        if (!readiness.await(SelectionKey.OP_WRITE, ioTimeout)) {
            throw new PayloadTimeoutException("client accepted no byte for " + ioTimeout.toSeconds() + " s");
        }
    }

    /** The payload to the client is over: lines may be sent again. */
    void payloadSent() {
        writeLock.lock();
        try {
            sendingPayload = false;
        } finally {
            writeLock.unlock();
        }
    }

    public void send(Reply reply) throws IOException {
        writeFully(ByteBuffer.wrap((reply.toLine() + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    public void send(Reply reply, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder(reply.toLine()).append('\n');
        for (String line : lines) {
            text.append(line).append('\n');
        }
        writeFully(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Tells the client why it is being disconnected, unless payload bytes are on their way to it
     * (a line there would be taken for file content) or a reply is half written, then closes.
     * Never blocks: what does not fit the socket's buffer is dropped.
     */
    void disconnect(String why) {
        disconnect(List.of(Reply.disconnected(why)));
    }

    /** As {@link #disconnect(String)}, with the lines to send first (an error, then the goodbye). */
    void disconnect(List<Reply> lastWords) {
        if (!tryDisconnect(lastWords, 0)) {
            close();
        }
    }

    /**
     * Disconnects with last words if no other thread is writing to the client, or stops writing
     * within {@code waitNanos}; otherwise leaves the connection open and returns {@code false}.
     */
    boolean tryDisconnect(List<Reply> lastWords, long waitNanos) {
        try {
            if (!writeLock.tryLock(waitNanos, TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (!closed && !sendingPayload) {
                StringBuilder text = new StringBuilder();
                for (Reply reply : lastWords) {
                    text.append(reply.toLine()).append('\n');
                }
                transport.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                transport.flush();
            }
            // under the lock: a second disconnect racing this one (the application's stop and the
            // endpoint's deactivation both disconnect everyone) must not send the last words again
            closed = true;
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not tell " + session + " why it is disconnected", e);
        } finally {
            writeLock.unlock();
        }
        close();
        return true;
    }

    void close() {
        closed = true;
        SelectionKey k = key;
        if (k != null) {
            k.cancel();
        }
        try {
            transport.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing " + session, e);
        }
        readiness.close();
    }

    SocketChannel channel() {
        return channel;
    }
}
