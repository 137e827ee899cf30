package org.filedock.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Cuts protocol lines out of a byte buffer: {@code \n}-terminated (a {@code \r\n} ending is
 * accepted), strict UTF-8, at most {@code maxLineBytes} bytes with the ending. Not thread-safe:
 * one framer per connection.
 */
public final class LineFramer {

    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    public LineFramer(int maxLineBytes) {
        if (maxLineBytes < 2) {
            throw new IllegalArgumentException("maxLineBytes must be at least 2");
        }
        this.maxLineBytes = maxLineBytes;
    }

    public int maxLineBytes() {
        return maxLineBytes;
    }

    /**
     * Takes the next complete line from {@code buffer} (in read mode) and returns it without its
     * ending, or returns {@code null} when the buffer holds no complete line yet.
     *
     * @throws LineTooLongException when no line ending comes within the limit (nothing is consumed)
     * @throws MalformedLineException when the line is not valid UTF-8 (the line is consumed)
     */
    public String next(ByteBuffer buffer) throws LineTooLongException, MalformedLineException {
        int start = buffer.position();
        int scanEnd = Math.min(buffer.limit(), start + maxLineBytes);
        for (int i = start; i < scanEnd; i++) {
            if (buffer.get(i) == '\n') {
                int end = i;
                if (end > start && buffer.get(end - 1) == '\r') {
                    end--;
                }
                buffer.position(i + 1);
                return decode(buffer.duplicate().position(start).limit(end));
            }
        }
        if (buffer.remaining() >= maxLineBytes) {
            throw new LineTooLongException(maxLineBytes);
        }
        return null;
    }

    private String decode(ByteBuffer bytes) throws MalformedLineException {
        try {
            CharBuffer chars = decoder.reset().decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedLineException("invalid UTF-8 in line");
        }
    }
}
