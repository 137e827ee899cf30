package org.filedock.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Blocking reader of a protocol stream: lines, and the raw payload bytes that follow some of
 * them. Lines and payload share one buffer, so payload bytes that arrive together with a line are
 * never lost.
 */
public final class LineReader {

    private static final int MIN_BUFFER = 64 * 1024;

    private final InputStream in;
    private final LineFramer framer;
    /** Kept in read mode between calls. */
    private final ByteBuffer buffer;

    public LineReader(InputStream in) {
        this(in, Protocol.MAX_LINE_BYTES);
    }

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.framer = new LineFramer(maxLineBytes);
        this.buffer = ByteBuffer.allocate(Math.max(MIN_BUFFER, maxLineBytes)).flip();
    }

    /**
     * Returns the next line without its ending, or {@code null} at the end of the stream.
     *
     * @throws EOFException when the stream ends in the middle of a line
     */
    public String readLine() throws IOException {
        while (true) {
            String line = framer.next(buffer);
            if (line != null) {
                return line;
            }
            if (!fill()) {
                if (buffer.hasRemaining()) {
                    throw new EOFException("stream ended inside a line");
                }
                return null;
            }
        }
    }

    /** Reads payload bytes, first those already buffered; -1 at the end of the stream. */
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (buffer.hasRemaining()) {
            int n = Math.min(length, buffer.remaining());
            buffer.get(target, offset, n);
            return n;
        }
        return in.read(target, offset, length);
    }

    /**
     * Moves payload bytes that were read together with a line into {@code target}, without
     * reading the stream.
     *
     * @return how many; 0 when none are buffered
     */
    public int drainBuffered(ByteBuffer target) {
        int n = Math.min(target.remaining(), buffer.remaining());
        if (n > 0) {
            ByteBuffer slice = buffer.slice().limit(n);
            target.put(slice);
            buffer.position(buffer.position() + n);
        }
        return n;
    }

    /** Copies exactly {@code size} payload bytes to {@code out}. */
    public void readPayload(OutputStream out, long size) throws IOException {
        byte[] chunk = new byte[(int) Math.min(size, 256 * 1024)];
        long left = size;
        while (left > 0) {
            int n = read(chunk, 0, (int) Math.min(chunk.length, left));
            if (n < 0) {
                throw new EOFException("stream ended " + left + " bytes before the end of the payload");
            }
            out.write(chunk, 0, n);
            left -= n;
        }
    }

    private boolean fill() throws IOException {
        buffer.compact();
        try {
            int n = in.read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            if (n < 0) {
                return false;
            }
            buffer.position(buffer.position() + n);
            return true;
        } finally {
            buffer.flip();
        }
    }
}
