package org.filedock.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's line framing fed the way a connection feeds it: whatever bytes arrive, cut into
 * whatever chunks, it yields lines within the limit or one of its two declared errors.
 */
class LineFramerProperties {

    private static final int MAX = 64;

    @Property
    void anyBytesInAnyChunksGiveLinesWithinTheLimitOrADeclaredError(
            @ForAll("bytesRichInLineEndings") byte[] stream, @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 200) Integer> chunks) {
        LineFramer framer = new LineFramer(MAX);
        Feed feed = new Feed(stream, chunks);
        ByteBuffer buffer = ByteBuffer.allocate(4 * MAX).flip();
        while (true) {
            String line;
            try {
                line = framer.next(buffer);
            } catch (LineTooLongException e) {
                assertTrue(buffer.remaining() >= MAX, "reported only when the limit is really reached");
                return; // the connection ends here
            } catch (MalformedLineException e) {
                continue; // the line is consumed, the stream goes on
            }
            if (line != null) {
                assertFalse(line.contains("\n"));
                assertTrue(line.getBytes(StandardCharsets.UTF_8).length < MAX, "with its ending within the limit");
                continue;
            }
            if (!feed.into(buffer)) {
                assertTrue(buffer.remaining() < MAX, "what is left is a partial line");
                return;
            }
        }
    }

    @Property
    void validLinesComeOutWhateverTheChunking(@ForAll("lines") List<String> lines, @ForAll boolean crlf,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 100) Integer> chunks) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append(crlf ? "\r\n" : "\n");
        }
        LineFramer framer = new LineFramer(MAX);
        Feed feed = new Feed(text.toString().getBytes(StandardCharsets.UTF_8), chunks);
        ByteBuffer buffer = ByteBuffer.allocate(4 * MAX).flip();
        List<String> received = new ArrayList<>();
        do {
            String line;
            while ((line = framer.next(buffer)) != null) {
                received.add(line);
            }
        } while (feed.into(buffer));
        assertEquals(lines, received);
        assertFalse(buffer.hasRemaining());
    }

    @Property
    void aRunOfLimitManyBytesWithoutEndingIsAlwaysTooLong(@ForAll("lines") List<String> before,
            @ForAll @IntRange(min = MAX, max = 3 * MAX) int runLength) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String line : before) {
            text.append(line).append('\n');
        }
        text.append("x".repeat(runLength));
        LineFramer framer = new LineFramer(MAX);
        ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        for (String line : before) {
            assertEquals(line, framer.next(buffer));
        }
        ByteBuffer rest = buffer;
        assertThrowsTooLong(() -> framer.next(rest));
    }

    @Provide
    Arbitrary<byte[]> bytesRichInLineEndings() {
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<Byte> special = Arbitraries.of((byte) '\n', (byte) '\r', (byte) 0xC3, (byte) 0xA9, (byte) 0xC0,
                (byte) 0xAE, (byte) 0xED, (byte) 0xF0, (byte) 0x80, (byte) 0xFF, (byte) 0, (byte) ' ', (byte) 'a');
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, any), net.jqwik.api.Tuple.of(2, special))
                .list().ofMaxSize(600)
                .map(list -> {
                    byte[] bytes = new byte[list.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = list.get(i);
                    }
                    return bytes;
                });
    }

    /** Lines without endings that fit the limit with a CRLF ending (any Unicode, in UTF-8 bytes). */
    @Provide
    Arbitrary<List<String>> lines() {
        return Arbitraries.strings().all().excludeChars('\n', '\r').ofMaxLength(30)
                .filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= MAX - 2)
                .filter(LineFramerProperties::isEncodable)
                .list().ofMaxSize(10);
    }

    private static boolean isEncodable(String s) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(s);
    }

    private static void assertThrowsTooLong(org.junit.jupiter.api.function.Executable call) {
        org.junit.jupiter.api.Assertions.assertThrows(LineTooLongException.class, call);
    }

    /** The stream, delivered into the buffer in the given chunk sizes (cycled), as reads would. */
    private static final class Feed {
        private final byte[] stream;
        private final List<Integer> chunks;
        private int position;
        private int turn;

        Feed(byte[] stream, List<Integer> chunks) {
            this.stream = stream;
            this.chunks = chunks;
        }

        /** Appends the next chunk that fits; {@code false} at the end of the stream or when the buffer is full. */
        boolean into(ByteBuffer buffer) {
            if (position == stream.length) {
                return false;
            }
            buffer.compact();
            try {
                int n = Math.min(Math.min(chunks.get(turn++ % chunks.size()), stream.length - position), buffer.remaining());
                buffer.put(stream, position, n);
                position += n;
                return n > 0;
            } finally {
                buffer.flip();
            }
        }
    }
}
