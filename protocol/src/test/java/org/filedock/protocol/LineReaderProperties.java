package org.filedock.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's blocking reader: lines and payloads share one buffer, whatever the read sizes. */
class LineReaderProperties {

    private static final int MAX = 128;

    /** A reply line followed by the payload it announces. */
    record Exchange(String line, byte[] payload) {
    }

    @Property
    void linesAndPayloadsComeBackExactlyWhateverTheReadSizes(@ForAll("exchanges") List<Exchange> exchanges,
            @ForAll @IntRange(min = 1, max = 300) int readSize) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (Exchange exchange : exchanges) {
            wire.writeBytes((exchange.line() + "\n").getBytes(StandardCharsets.UTF_8));
            wire.writeBytes(exchange.payload());
        }
        LineReader reader = new LineReader(new StingyStream(wire.toByteArray(), readSize), MAX);
        for (Exchange exchange : exchanges) {
            assertEquals(exchange.line(), reader.readLine());
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            reader.readPayload(payload, exchange.payload().length);
            assertArrayEquals(exchange.payload(), payload.toByteArray());
        }
        assertNull(reader.readLine());
    }

    @Property
    void anyBytesGiveLinesOrADeclaredError(@ForAll byte[] stream, @ForAll @IntRange(min = 1, max = 300) int readSize) {
        LineReader reader = new LineReader(new StingyStream(stream, readSize), MAX);
        while (true) {
            try {
                String line = reader.readLine();
                if (line == null) {
                    return;
                }
                assertTrue(line.getBytes(StandardCharsets.UTF_8).length < MAX);
            } catch (MalformedLineException e) {
                // consumed; read on
            } catch (LineTooLongException | EOFException e) {
                return;
            } catch (IOException e) {
                throw new AssertionError("undeclared failure", e);
            }
        }
    }

    @Provide
    Arbitrary<List<Exchange>> exchanges() {
        Arbitrary<String> line = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(MAX - 1);
        Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(700);
        return Combinators.combine(line, payload).as(Exchange::new).list().ofMaxSize(6);
    }

    /** Returns at most {@code readSize} bytes per read, like a slow socket. */
    private static final class StingyStream extends InputStream {
        private final ByteArrayInputStream bytes;
        private final int readSize;

        StingyStream(byte[] content, int readSize) {
            this.bytes = new ByteArrayInputStream(content);
            this.readSize = readSize;
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            return bytes.read(target, offset, Math.min(length, readSize));
        }
    }
}
