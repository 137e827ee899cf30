package org.filedock.connector.net;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How a {@link Connection} moves the protocol's bytes over its socket: as they are
 * ({@link PlainTransport}) or inside TLS. Every call is non-blocking; the connection waits for
 * the socket itself when a call made no progress.
 */
public interface Transport {

    /**
     * Reads the client's bytes into {@code target} without blocking.
     *
     * @return the bytes read, 0 if none are available now (wait for {@link #readInterest()}),
     *         -1 once the client has ended the stream
     */
    int read(ByteBuffer target) throws IOException;

    /**
     * Takes bytes from {@code source} for the client without blocking.
     *
     * @return the bytes taken, 0 if the socket has no room now (wait for writability)
     */
    int write(ByteBuffer source) throws IOException;

    /**
     * Pushes out what {@link #write} took but could not send yet.
     *
     * @return {@code true} when nothing waits to be sent any more
     */
    boolean flush() throws IOException;

    /** The socket operation to wait for when {@link #read} returned 0. */
    int readInterest();

    /** Whether {@link #read} can return bytes without the socket being readable. */
    boolean hasBufferedInput();

    /** Whether the transport is ready to carry commands (always, without TLS). */
    boolean established();

    /** Closes the socket, saying goodbye first where the transport has a way to (never blocking). */
    void close() throws IOException;
}
