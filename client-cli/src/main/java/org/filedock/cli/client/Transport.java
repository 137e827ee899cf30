package org.filedock.cli.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** The byte stream under a {@link Connection}: plain TCP or TLS. Lines go through the streams, payloads through buffers. */
interface Transport extends Closeable {

    /** Where reply lines are read from; its {@code available()} counts only bytes ready for this side. */
    InputStream input();

    /** Where request lines are written (the connection buffers and flushes them). */
    OutputStream output();

    /** A buffer of the kind {@link #readPayload} and {@link #writePayload} move fastest. */
    ByteBuffer newPayloadBuffer(int capacity);

    /** Reads what is there into {@code target}, waiting at most the read timeout; -1 at the end of the stream. */
    int readPayload(ByteBuffer target) throws IOException;

    /** Writes all of {@code bytes}, after the line output has been flushed. */
    void writePayload(ByteBuffer bytes) throws IOException;

    /** Called after each payload read, before the lines that follow. */
    void endPayload() throws IOException;

    boolean isClosed();

    @Override
    void close();
}
