package org.filedock.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A framing bug tends to hang rather than fail: every test runs under a timeout, in its own thread. */
@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class LineReaderTest {

    /** Returns at most one byte per read call: the worst fragmentation a socket can produce. */
    static final class OneByteInputStream extends InputStream {
        private final InputStream in;
        int reads;

        OneByteInputStream(byte[] data) {
            this.in = new ByteArrayInputStream(data);
        }

        @Override
        public int read() throws IOException {
            reads++;
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reads++;
            if (len == 0) {
                return 0;
            }
            return in.read(b, off, 1);
        }
    }

    /** Returns exactly the given chunks, one per read call (a chunk larger than the request is split). */
    static final class ChunkedInputStream extends InputStream {
        private final Deque<byte[]> chunks = new ArrayDeque<>();

        ChunkedInputStream(byte[]... chunks) {
            this.chunks.addAll(Arrays.asList(chunks));
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            byte[] chunk = chunks.poll();
            if (chunk == null) {
                return -1;
            }
            int n = Math.min(len, chunk.length);
            System.arraycopy(chunk, 0, b, off, n);
            if (n < chunk.length) {
                chunks.push(Arrays.copyOfRange(chunk, n, chunk.length));
            }
            return n;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] allByteValues() {
        byte[] data = new byte[256];
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    private static byte[] payload(LineReader reader, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reader.readPayload(out, size);
        return out.toByteArray();
    }

    /** Each scenario runs over a whole-buffer stream and over a one-byte-per-read stream. */
    static Stream<Function<byte[], InputStream>> streams() {
        return Stream.of(ByteArrayInputStream::new, OneByteInputStream::new);
    }

    @ParameterizedTest
    @MethodSource("streams")
    void linesAndEof(Function<byte[], InputStream> stream) throws Exception {
        LineReader reader = new LineReader(stream.apply(utf8("PWD\r\nDIR \"my docs\"\n\nMKDIR é\n")));
        assertEquals("PWD", reader.readLine());
        assertEquals("DIR \"my docs\"", reader.readLine());
        assertEquals("", reader.readLine());
        assertEquals("MKDIR é", reader.readLine());
        assertNull(reader.readLine());
        assertNull(reader.readLine(), "EOF stays EOF");
    }

    @ParameterizedTest
    @MethodSource("streams")
    void emptyStreamIsEof(Function<byte[], InputStream> stream) throws Exception {
        assertNull(new LineReader(stream.apply(new byte[0])).readLine());
    }

    @Test
    void payloadInTheSameReadAsTheLineIsNotLost() throws Exception {
        byte[] content = concat(utf8("HELLO\n\r\n"), new byte[] {(byte) 0xFF, 0, (byte) 0xC0, (byte) 0xAF});
        ChunkedInputStream in = new ChunkedInputStream(
                concat(utf8("UPLOAD a.bin " + content.length + "\n"), content, utf8("COMPLETE\n")));
        LineReader reader = new LineReader(in);
        assertEquals("UPLOAD a.bin " + content.length, reader.readLine());
        assertArrayEquals(content, payload(reader, content.length));
        assertEquals("COMPLETE", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void payloadPartlyBufferedAndPartlyStillInTheStream() throws Exception {
        byte[] content = randomBytes(10_000, 1);
        ChunkedInputStream in = new ChunkedInputStream(
                concat(utf8("OK@10000\n"), Arrays.copyOfRange(content, 0, 100)),
                Arrays.copyOfRange(content, 100, 5000),
                concat(Arrays.copyOfRange(content, 5000, 10_000), utf8("OK@Download complete\n")));
        LineReader reader = new LineReader(in);
        assertEquals("OK@10000", reader.readLine());
        assertArrayEquals(content, payload(reader, content.length));
        assertEquals("OK@Download complete", reader.readLine());
        assertNull(reader.readLine());
    }

    @ParameterizedTest
    @MethodSource("streams")
    void linePayloadLineSequence(Function<byte[], InputStream> stream) throws Exception {
        byte[] first = allByteValues();
        byte[] second = utf8("line-like\ncontent\r\n");
        LineReader reader = new LineReader(stream.apply(concat(
                utf8("UPLOAD a 256\n"), first, utf8("COMPLETE\n"),
                utf8("UPLOAD b " + second.length + "\r\n"), second, utf8("PWD\n"))));
        assertEquals("UPLOAD a 256", reader.readLine());
        assertArrayEquals(first, payload(reader, first.length));
        assertEquals("COMPLETE", reader.readLine());
        assertEquals("UPLOAD b " + second.length, reader.readLine());
        assertArrayEquals(second, payload(reader, second.length));
        assertEquals("PWD", reader.readLine());
        assertNull(reader.readLine());
    }

    @ParameterizedTest
    @MethodSource("streams")
    void zeroBytePayload(Function<byte[], InputStream> stream) throws Exception {
        LineReader reader = new LineReader(stream.apply(utf8("UPLOAD empty 0\nPWD\n")));
        assertEquals("UPLOAD empty 0", reader.readLine());
        assertArrayEquals(new byte[0], payload(reader, 0));
        assertEquals("PWD", reader.readLine());
    }

    @Test
    void zeroBytePayloadAtEofIsFine() throws Exception {
        LineReader reader = new LineReader(new ByteArrayInputStream(utf8("OK@0\n")));
        assertEquals("OK@0", reader.readLine());
        assertArrayEquals(new byte[0], payload(reader, 0));
        assertNull(reader.readLine());
    }

    @ParameterizedTest
    @MethodSource("streams")
    void exactPayloadSizes(Function<byte[], InputStream> stream) throws Exception {
        byte[] content = randomBytes(3000, 2);
        int[] sizes = {1, 2, 7, 1000, 1990};
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        int at = 0;
        for (int size : sizes) {
            wire.writeBytes(utf8("SIZE " + size + "\n"));
            wire.write(content, at, size);
            at += size;
        }
        wire.writeBytes(utf8("END\n"));
        LineReader reader = new LineReader(stream.apply(wire.toByteArray()));
        at = 0;
        for (int size : sizes) {
            assertEquals("SIZE " + size, reader.readLine());
            assertArrayEquals(Arrays.copyOfRange(content, at, at + size), payload(reader, size));
            at += size;
        }
        assertEquals("END", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void multiChunkPayload() throws Exception {
        // larger than both the 64 KiB line buffer and the 256 KiB copy chunk, and not a multiple of either
        byte[] content = randomBytes(3 * 256 * 1024 + 12_345, 3);
        LineReader reader = new LineReader(new ByteArrayInputStream(
                concat(utf8("UPLOAD big " + content.length + "\n"), content, utf8("COMPLETE\n"))));
        assertEquals("UPLOAD big " + content.length, reader.readLine());
        assertArrayEquals(content, payload(reader, content.length));
        assertEquals("COMPLETE", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void multiChunkPayloadInOddChunks() throws Exception {
        byte[] content = randomBytes(600_001, 4);
        byte[] wire = concat(utf8("X " + content.length + "\n"), content, utf8("Y\n"));
        // chunks of 7777 bytes: lines and payload straddle chunk boundaries
        int chunkSize = 7777;
        byte[][] chunks = new byte[(wire.length + chunkSize - 1) / chunkSize][];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = Arrays.copyOfRange(wire, i * chunkSize, Math.min(wire.length, (i + 1) * chunkSize));
        }
        LineReader reader = new LineReader(new ChunkedInputStream(chunks));
        assertEquals("X " + content.length, reader.readLine());
        assertArrayEquals(content, payload(reader, content.length));
        assertEquals("Y", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void multiChunkPayloadOneByteAtATime() throws Exception {
        byte[] content = randomBytes(70_000, 5);
        OneByteInputStream in = new OneByteInputStream(concat(utf8("X 70000\n"), content, utf8("Y\n")));
        LineReader reader = new LineReader(in);
        assertEquals("X 70000", reader.readLine());
        assertArrayEquals(content, payload(reader, content.length));
        assertEquals("Y", reader.readLine());
        assertNull(reader.readLine());
    }

    @ParameterizedTest
    @MethodSource("streams")
    void eofInTheMiddleOfALine(Function<byte[], InputStream> stream) throws Exception {
        LineReader reader = new LineReader(stream.apply(utf8("PWD\nDIR")));
        assertEquals("PWD", reader.readLine());
        assertThrows(EOFException.class, reader::readLine);
    }

    @ParameterizedTest
    @MethodSource("streams")
    void eofAfterACarriageReturnIsInsideALine(Function<byte[], InputStream> stream) throws Exception {
        LineReader reader = new LineReader(stream.apply(utf8("PWD\r")));
        assertThrows(EOFException.class, reader::readLine);
    }

    @ParameterizedTest
    @MethodSource("streams")
    void eofInsideAPayload(Function<byte[], InputStream> stream) throws Exception {
        LineReader reader = new LineReader(stream.apply(utf8("UPLOAD a 10\n12345")));
        assertEquals("UPLOAD a 10", reader.readLine());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(EOFException.class, () -> reader.readPayload(out, 10));
        assertArrayEquals(utf8("12345"), out.toByteArray(), "the bytes that did arrive were passed on");
    }

    @Test
    void eofRightAfterTheLineBeforeAnyPayload() throws Exception {
        LineReader reader = new LineReader(new ByteArrayInputStream(utf8("UPLOAD a 1\n")));
        assertEquals("UPLOAD a 1", reader.readLine());
        assertThrows(EOFException.class, () -> payload(reader, 1));
    }

    @Test
    void eofInsideALargePayload() throws Exception {
        byte[] content = randomBytes(300_000, 6);
        LineReader reader = new LineReader(new ByteArrayInputStream(concat(utf8("X 300001\n"), content)));
        assertEquals("X 300001", reader.readLine());
        assertThrows(EOFException.class, () -> payload(reader, 300_001));
    }

    @Test
    void readServesBufferedBytesFirstThenTheStreamThenEof() throws Exception {
        LineReader reader = new LineReader(new ChunkedInputStream(utf8("L\nabc"), utf8("defg")));
        assertEquals("L", reader.readLine());
        byte[] target = new byte[10];
        assertEquals(0, reader.read(target, 0, 0));
        int n = reader.read(target, 2, 8);
        assertEquals(3, n, "only what is buffered, without blocking for more");
        assertArrayEquals(utf8("abc"), Arrays.copyOfRange(target, 2, 5));
        n = reader.read(target, 0, 2);
        assertEquals(2, n);
        assertArrayEquals(utf8("de"), Arrays.copyOfRange(target, 0, 2));
        // the rest of that chunk went back to the stream, it is read directly
        assertEquals(2, reader.read(target, 0, 10));
        assertArrayEquals(utf8("fg"), Arrays.copyOfRange(target, 0, 2));
        assertEquals(-1, reader.read(target, 0, 10));
    }

    @Test
    void readRespectsTheRequestedLength() throws Exception {
        LineReader reader = new LineReader(new ByteArrayInputStream(utf8("L\n0123456789")));
        assertEquals("L", reader.readLine());
        byte[] target = new byte[4];
        assertEquals(4, reader.read(target, 0, 4));
        assertArrayEquals(utf8("0123"), target);
        assertEquals(4, reader.read(target, 0, 4));
        assertArrayEquals(utf8("4567"), target);
        assertEquals(2, reader.read(target, 1, 3));
        assertArrayEquals(utf8("489"), Arrays.copyOfRange(target, 0, 3));
        assertEquals(-1, reader.read(target, 0, 4));
    }

    @Test
    void readPayloadDoesNotReadPastThePayload() throws Exception {
        LineReader reader = new LineReader(new ChunkedInputStream(utf8("A 3\n"), utf8("xyzB\n")));
        assertEquals("A 3", reader.readLine());
        assertArrayEquals(utf8("xyz"), payload(reader, 3));
        assertEquals("B", reader.readLine());
    }

    @Test
    void drainBufferedHandsOverWhatCameWithTheLineAndNeverReads() throws Exception {
        LineReader reader = new LineReader(new ChunkedInputStream(utf8("A 5\nxyz"), utf8("uvB\n")));
        assertEquals("A 5", reader.readLine());
        ByteBuffer target = ByteBuffer.allocate(5);
        assertEquals(3, reader.drainBuffered(target));
        assertEquals(0, reader.drainBuffered(target), "nothing more is buffered; the stream is not read");
        assertArrayEquals(utf8("xyz"), Arrays.copyOf(target.array(), 3));
        assertArrayEquals(utf8("uv"), payload(reader, 2));
        assertEquals("B", reader.readLine());
    }

    @ParameterizedTest
    @MethodSource("streams")
    void lineOfExactlyTheLimit(Function<byte[], InputStream> stream) throws Exception {
        String lf = "a".repeat(Protocol.MAX_LINE_BYTES - 1);
        String crlf = "b".repeat(Protocol.MAX_LINE_BYTES - 2);
        LineReader reader = new LineReader(stream.apply(utf8(lf + "\n" + crlf + "\r\nPWD\n")));
        assertEquals(lf, reader.readLine());
        assertEquals(crlf, reader.readLine());
        assertEquals("PWD", reader.readLine());
    }

    @ParameterizedTest
    @MethodSource("streams")
    void lineOverTheLimit(Function<byte[], InputStream> stream) throws Exception {
        LineReader reader = new LineReader(stream.apply(utf8("PWD\n" + "a".repeat(Protocol.MAX_LINE_BYTES) + "\n")));
        assertEquals("PWD", reader.readLine());
        assertThrows(LineTooLongException.class, reader::readLine);
    }

    @Test
    void endlessLineWithoutNewlineIsTooLong() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        LineReader reader = new LineReader(endless);
        assertThrows(LineTooLongException.class, reader::readLine);
    }

    @Test
    void customLimitLargerThanTheDefaultBuffer() throws Exception {
        int limit = 100_000;
        String ok = "q".repeat(limit - 1);
        LineReader reader = new LineReader(new ByteArrayInputStream(utf8(ok + "\nPWD\n")), limit);
        assertEquals(ok, reader.readLine());
        assertEquals("PWD", reader.readLine());

        LineReader tooLong = new LineReader(new ByteArrayInputStream(utf8("q".repeat(limit) + "\n")), limit);
        assertThrows(LineTooLongException.class, tooLong::readLine);
    }

    @Test
    void customSmallLimit() throws Exception {
        LineReader reader = new LineReader(new ByteArrayInputStream(utf8("abcd\nabcde\n")), 5);
        assertEquals("abcd", reader.readLine());
        assertThrows(LineTooLongException.class, reader::readLine);
    }

    @ParameterizedTest
    @MethodSource("streams")
    void malformedLineIsSkippedAndTheStreamStaysUsable(Function<byte[], InputStream> stream) throws Exception {
        byte[] wire = concat(utf8("MKDIR "), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\nMKDIR ok\nUPLOAD x 2\n"),
                new byte[] {(byte) 0xFF, (byte) 0xFE}, utf8("PWD\n"));
        LineReader reader = new LineReader(stream.apply(wire));
        assertThrows(MalformedLineException.class, reader::readLine);
        assertEquals("MKDIR ok", reader.readLine());
        assertEquals("UPLOAD x 2", reader.readLine());
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFE}, payload(reader, 2), "payload is never decoded");
        assertEquals("PWD", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void oneByteStreamReallyIsFragmented() throws Exception {
        OneByteInputStream in = new OneByteInputStream(utf8("HELLO\n"));
        LineReader reader = new LineReader(in);
        assertEquals("HELLO", reader.readLine());
        assertEquals(6, in.reads, "one read per byte: the framer was fed 6 times");
    }
}
