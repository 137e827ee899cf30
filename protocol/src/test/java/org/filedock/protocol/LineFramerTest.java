package org.filedock.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A framing bug tends to hang rather than fail: every test runs under a timeout, in its own thread. */
@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class LineFramerTest {

    private static final int LIMIT = Protocol.MAX_LINE_BYTES;

    private final LineFramer framer = new LineFramer(LIMIT);

    /** A growable buffer kept in read mode, fed the way a connection would feed it. */
    private static final class Feed {
        final ByteBuffer buffer = ByteBuffer.allocate(3 * LIMIT).flip();

        Feed add(byte[] bytes) {
            buffer.compact();
            buffer.put(bytes);
            buffer.flip();
            return this;
        }

        Feed add(String text) {
            return add(utf8(text));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ByteBuffer buf(String text) {
        return ByteBuffer.wrap(utf8(text));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    @Test
    void oneLineInOneBuffer() throws Exception {
        ByteBuffer buffer = buf("PWD\n");
        assertEquals("PWD", framer.next(buffer));
        assertFalse(buffer.hasRemaining());
        assertNull(framer.next(buffer));
    }

    @Test
    void severalLinesInOneBuffer() throws Exception {
        ByteBuffer buffer = buf("PWD\nUPLOAD \"a b\" 3\r\nDIR\n\nLAST");
        assertEquals("PWD", framer.next(buffer));
        assertEquals("UPLOAD \"a b\" 3", framer.next(buffer));
        assertEquals("DIR", framer.next(buffer));
        assertEquals("", framer.next(buffer));
        assertNull(framer.next(buffer));
        assertEquals(4, buffer.remaining(), "an incomplete last line stays in the buffer");
    }

    @Test
    void incompleteLineReturnsNullAndConsumesNothing() throws Exception {
        Feed feed = new Feed().add("UPL");
        assertNull(framer.next(feed.buffer));
        assertEquals(0, feed.buffer.position());
        assertEquals(3, feed.buffer.remaining());

        feed.add("OAD x ");
        assertNull(framer.next(feed.buffer));
        assertEquals(0, feed.buffer.position());
        assertEquals(9, feed.buffer.remaining());

        feed.add("12\nDI");
        assertEquals("UPLOAD x 12", framer.next(feed.buffer));
        assertNull(framer.next(feed.buffer));
        assertEquals(2, feed.buffer.remaining());

        feed.add("R\n");
        assertEquals("DIR", framer.next(feed.buffer));
        assertFalse(feed.buffer.hasRemaining());
    }

    @Test
    void crlfSplitBetweenFeedsIsStillAnEnding() throws Exception {
        Feed feed = new Feed().add("abc\r");
        assertNull(framer.next(feed.buffer));
        assertEquals(4, feed.buffer.remaining());
        feed.add("\n");
        assertEquals("abc", framer.next(feed.buffer));
    }

    @Test
    void multiByteCharacterSplitBetweenFeeds() throws Exception {
        byte[] line = utf8("MKDIR é€😀\n");
        Feed feed = new Feed();
        for (int i = 0; i < line.length - 1; i++) {
            feed.add(new byte[] {line[i]});
            assertNull(framer.next(feed.buffer), "after byte " + i);
            assertEquals(0, feed.buffer.position());
        }
        feed.add(new byte[] {line[line.length - 1]});
        assertEquals("MKDIR é€😀", framer.next(feed.buffer));
    }

    @Test
    void lfAndCrlfEndings() throws Exception {
        assertEquals("a b", framer.next(buf("a b\n")));
        assertEquals("a b", framer.next(buf("a b\r\n")));
        assertEquals("", framer.next(buf("\n")));
        assertEquals("", framer.next(buf("\r\n")));
    }

    @Test
    void loneCarriageReturnIsKept() throws Exception {
        assertEquals("a\rb", framer.next(buf("a\rb\n")));
        assertEquals("\ra", framer.next(buf("\ra\n")));
        assertEquals("a\r", framer.next(buf("a\r\r\n")), "only the last \\r before \\n belongs to the ending");
        assertEquals("\r", framer.next(buf("\r\r\n")));
    }

    @Test
    void emptyLine() throws Exception {
        ByteBuffer buffer = buf("\n\r\nX\n");
        assertEquals("", framer.next(buffer));
        assertEquals("", framer.next(buffer));
        assertEquals("X", framer.next(buffer));
    }

    @Test
    void unicodeIsDecoded() throws Exception {
        assertEquals("UPLOAD \"ünïcödé 文件 😀\" 5", framer.next(buf("UPLOAD \"ünïcödé 文件 😀\" 5\n")));
    }

    @Test
    void lineOfExactlyTheLimitWithLf() throws Exception {
        ByteBuffer buffer = buf("a".repeat(LIMIT - 1) + "\nNEXT\n");
        assertEquals("a".repeat(LIMIT - 1), framer.next(buffer));
        assertEquals("NEXT", framer.next(buffer));
    }

    @Test
    void lineOfExactlyTheLimitWithCrlf() throws Exception {
        ByteBuffer buffer = buf("a".repeat(LIMIT - 2) + "\r\nNEXT\n");
        assertEquals("a".repeat(LIMIT - 2), framer.next(buffer));
        assertEquals("NEXT", framer.next(buffer));
    }

    @Test
    void lineOfExactlyTheLimitCountsBytesNotChars() throws Exception {
        // 4095 two-byte characters + 1 byte + \n = 8192 bytes, but only 4097 chars
        String text = "é".repeat(4095) + "a";
        assertEquals(LIMIT, utf8(text + "\n").length);
        assertEquals(text, framer.next(buf(text + "\n")));

        String tooLong = "é".repeat(4096);
        assertEquals(LIMIT + 1, utf8(tooLong + "\n").length);
        assertThrows(LineTooLongException.class, () -> framer.next(buf(tooLong + "\n")));
    }

    @Test
    void lineOneByteOverTheLimitWithLf() {
        ByteBuffer buffer = buf("a".repeat(LIMIT) + "\n");
        assertThrows(LineTooLongException.class, () -> framer.next(buffer));
        assertEquals(0, buffer.position(), "nothing is consumed");
    }

    @Test
    void lineOneByteOverTheLimitWithCrlf() {
        ByteBuffer buffer = buf("a".repeat(LIMIT - 1) + "\r\n");
        assertThrows(LineTooLongException.class, () -> framer.next(buffer));
        assertEquals(0, buffer.position(), "nothing is consumed");
    }

    @Test
    void limitIsCountedFromTheStartOfEachLine() throws Exception {
        ByteBuffer buffer = buf("PWD\n" + "b".repeat(LIMIT - 1) + "\n" + "c".repeat(LIMIT - 2) + "\r\n");
        assertEquals("PWD", framer.next(buffer));
        assertEquals("b".repeat(LIMIT - 1), framer.next(buffer));
        assertEquals("c".repeat(LIMIT - 2), framer.next(buffer));
        assertFalse(buffer.hasRemaining());
    }

    @Test
    void limitIsCountedFromTheBufferPosition() throws Exception {
        byte[] junk = utf8("xxxxxxxxxx");
        byte[] line = utf8("d".repeat(LIMIT - 1) + "\n");
        ByteBuffer buffer = ByteBuffer.wrap(concat(junk, line));
        buffer.position(junk.length);
        assertEquals("d".repeat(LIMIT - 1), framer.next(buffer));
    }

    @Test
    void noNewlineBelowTheLimitNeedsMore() throws Exception {
        ByteBuffer buffer = buf("a".repeat(LIMIT - 1));
        assertNull(framer.next(buffer));
        assertEquals(0, buffer.position());
    }

    @Test
    void noNewlineWithCarriageReturnBelowTheLimitNeedsMore() throws Exception {
        ByteBuffer buffer = buf("a".repeat(LIMIT - 2) + "\r");
        assertNull(framer.next(buffer));
        assertEquals(0, buffer.position());
    }

    @Test
    void noNewlineAtTheLimitIsTooLong() {
        ByteBuffer buffer = buf("a".repeat(LIMIT));
        assertThrows(LineTooLongException.class, () -> framer.next(buffer));
        assertEquals(0, buffer.position(), "nothing is consumed");
    }

    @Test
    void noNewlineWithCrAtTheLimitIsTooLong() {
        // whatever comes next, the line is already at least limit + 1 bytes with its \n
        ByteBuffer buffer = buf("a".repeat(LIMIT - 1) + "\r");
        assertThrows(LineTooLongException.class, () -> framer.next(buffer));
    }

    @Test
    void noNewlineFarBeyondTheLimitIsTooLong() {
        ByteBuffer buffer = buf("a".repeat(3 * LIMIT));
        assertThrows(LineTooLongException.class, () -> framer.next(buffer));
        assertEquals(0, buffer.position());
    }

    @Test
    void tooLongWhenFedGradually() throws Exception {
        Feed feed = new Feed();
        byte[] chunk = utf8("z".repeat(1000));
        int fed = 0;
        while (fed + chunk.length < LIMIT) {
            feed.add(chunk);
            fed += chunk.length;
            assertNull(framer.next(feed.buffer), "at " + fed + " bytes");
        }
        feed.add(chunk);
        assertThrows(LineTooLongException.class, () -> framer.next(feed.buffer));
    }

    @Test
    void smallLimit() throws Exception {
        LineFramer small = new LineFramer(5);
        assertEquals(5, small.maxLineBytes());
        assertEquals("abcd", small.next(buf("abcd\n")));
        assertEquals("abc", small.next(buf("abc\r\n")));
        assertNull(small.next(buf("abcd")));
        assertThrows(LineTooLongException.class, () -> small.next(buf("abcde")));
        assertThrows(LineTooLongException.class, () -> small.next(buf("abcde\n")));
        assertThrows(LineTooLongException.class, () -> small.next(buf("abcd\r\n")));
    }

    @Test
    void tooLongExceptionIsAProtocolException() {
        LineTooLongException e = assertThrows(LineTooLongException.class, () -> new LineFramer(2).next(buf("ab")));
        assertEquals(ProtocolException.class, e.getClass().getSuperclass());
    }

    @Test
    void limitBelowTwoIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LineFramer(1));
        assertThrows(IllegalArgumentException.class, () -> new LineFramer(0));
        assertThrows(IllegalArgumentException.class, () -> new LineFramer(-5));
        assertEquals(2, new LineFramer(2).maxLineBytes());
        assertEquals(LIMIT, framer.maxLineBytes());
    }

    @Test
    void worksOnDirectBuffers() throws Exception {
        byte[] data = utf8("ab\ncd é\r\n");
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length);
        direct.put(data).flip();
        assertEquals("ab", framer.next(direct));
        assertEquals("cd é", framer.next(direct));
        assertNull(framer.next(direct));
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("lone continuation byte", bytes(0x80)),
                Arguments.of("bad continuation byte", bytes(0xC3, 0x28)),
                Arguments.of("bad second continuation byte", bytes(0xE2, 0x82, 0x28)),
                Arguments.of("overlong '/' (C0 AF)", bytes(0xC0, 0xAF)),
                Arguments.of("overlong NUL (C0 80)", bytes(0xC0, 0x80)),
                Arguments.of("overlong 3-byte '/' (E0 80 AF)", bytes(0xE0, 0x80, 0xAF)),
                Arguments.of("overlong 4-byte (F0 80 80 AF)", bytes(0xF0, 0x80, 0x80, 0xAF)),
                Arguments.of("high surrogate (ED A0 80)", bytes(0xED, 0xA0, 0x80)),
                Arguments.of("low surrogate (ED BF BF)", bytes(0xED, 0xBF, 0xBF)),
                Arguments.of("above U+10FFFF (F4 90 80 80)", bytes(0xF4, 0x90, 0x80, 0x80)),
                Arguments.of("byte FE", bytes(0xFE)),
                Arguments.of("byte FF", bytes(0xFF)),
                Arguments.of("5-byte lead F8", bytes(0xF8, 0x88, 0x80, 0x80, 0x80)),
                Arguments.of("truncated 2-byte sequence", bytes(0xC3)),
                Arguments.of("truncated 3-byte sequence", bytes(0xE2, 0x82)),
                Arguments.of("truncated 4-byte sequence", bytes(0xF0, 0x9F, 0x98)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8InTheMiddleIsMalformedAndConsumed(String description, byte[] bad) throws Exception {
        byte[] badLine = concat(utf8("MKDIR a"), bad, utf8("b\n"));
        ByteBuffer buffer = ByteBuffer.wrap(concat(badLine, utf8("PWD\n")));
        assertThrows(MalformedLineException.class, () -> framer.next(buffer));
        assertEquals(badLine.length, buffer.position(), "the bad line is consumed, and only it");
        assertEquals("PWD", framer.next(buffer));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8AtTheEndBeforeLfIsMalformed(String description, byte[] bad) throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(concat(utf8("MKDIR "), bad, utf8("\nDIR é\n")));
        assertThrows(MalformedLineException.class, () -> framer.next(buffer));
        assertEquals("DIR é", framer.next(buffer));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8BeforeCrlfIsMalformed(String description, byte[] bad) throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(concat(bad, utf8("\r\nPWD\r\n")));
        assertThrows(MalformedLineException.class, () -> framer.next(buffer));
        assertEquals("PWD", framer.next(buffer));
        assertFalse(buffer.hasRemaining());
    }

    @Test
    void truncatedSequenceIsNotCompletedByTheLineEnding() throws Exception {
        // E2 82 then \n: the \n must not be taken as part of the character
        ByteBuffer buffer = ByteBuffer.wrap(concat(bytes(0xE2, 0x82), utf8("\n€\n")));
        assertThrows(MalformedLineException.class, () -> framer.next(buffer));
        assertEquals("€", framer.next(buffer));
    }

    @Test
    void malformedLineIsReportedOnlyWhenComplete() throws Exception {
        Feed feed = new Feed().add(bytes(0xC0, 0xAF));
        assertNull(framer.next(feed.buffer), "not complete yet: need more, no error");
        assertEquals(0, feed.buffer.position());
        feed.add("\nOK\n");
        assertThrows(MalformedLineException.class, () -> framer.next(feed.buffer));
        assertEquals("OK", framer.next(feed.buffer));
    }

    @Test
    void severalMalformedLinesInARow() throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(concat(bytes(0xFF, '\n', 0xC3, '\n', 0xED, 0xA0, 0x80, '\n'),
                utf8("ünï\n")));
        for (int i = 0; i < 3; i++) {
            assertThrows(MalformedLineException.class, () -> framer.next(buffer));
        }
        assertEquals("ünï", framer.next(buffer));
    }

    @Test
    void malformedExceptionIsAProtocolException() {
        MalformedLineException e = assertThrows(MalformedLineException.class,
                () -> framer.next(ByteBuffer.wrap(bytes(0xFF, '\n'))));
        assertEquals(ProtocolException.class, e.getClass().getSuperclass());
    }

    @Test
    void validEdgeCodePointsDecode() throws Exception {
        // U+007F, U+0080, U+07FF, U+0800, U+FFFD, U+10000, U+10FFFF
        String text = "\u007F\u0080\u07FF\u0800\uFFFD" + new String(Character.toChars(0x10000))
                + new String(Character.toChars(0x10FFFF));
        assertEquals(text, framer.next(buf(text + "\n")));
    }
}
