package org.filedock.cli.client;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.filedock.cli.tls.ServerTrust;
import org.filedock.protocol.LineReader;
import org.filedock.protocol.Protocol;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/**
 * One connection to a server over a {@link Transport}: request lines out, reply lines and payload
 * bytes in.
 */
final class Connection implements Closeable {

    private static final int OUTPUT_BUFFER = 64 * 1024;

    private final Transport transport;
    private final LineReader input;
    private final OutputStream output;

    private Connection(Transport transport) {
        this.transport = transport;
        this.input = new LineReader(transport.input());
        this.output = new BufferedOutputStream(transport.output(), OUTPUT_BUFFER);
    }

    static Connection open(String host, int port, ConnectionSettings settings) throws IOException {
        return new Connection(PlainTransport.open(host, port, settings));
    }

    static Connection openTls(String host, int port, ConnectionSettings settings, ServerTrust trust) throws IOException {
        return new Connection(TlsTransport.open(host, port, settings, trust));
    }

    /** Checks that a request fits on one line of the allowed length, before anything is sent. */
    static byte[] encode(Request request) throws InvalidRequestException {
        for (String arg : request.args()) {
            if (arg.indexOf('\n') >= 0 || arg.indexOf('\r') >= 0) {
                throw new InvalidRequestException("an argument contains a line break");
            }
        }
        byte[] line = (request.toLine() + "\n").getBytes(StandardCharsets.UTF_8);
        if (line.length > Protocol.MAX_LINE_BYTES) {
            throw new InvalidRequestException("request too long (" + line.length + " bytes, the limit is "
                    + Protocol.MAX_LINE_BYTES + ")");
        }
        return line;
    }

    void send(byte[] encodedLine) throws IOException {
        output.write(encodedLine);
        output.flush();
    }

    String receiveLine() throws IOException {
        String line = input.readLine();
        if (line == null) {
            throw new ConnectionClosedException("the server closed the connection");
        }
        return line;
    }

    Reply receive() throws IOException {
        return Reply.parse(receiveLine());
    }

    /** True when the server sent something nobody asked for yet (it only does that before closing). */
    boolean hasUnsolicitedInput() throws IOException {
        return transport.input().available() > 0;
    }

    ByteBuffer newPayloadBuffer(int capacity) {
        return transport.newPayloadBuffer(capacity);
    }

    /** Writes all of {@code bytes} (after any line still buffered). */
    void writePayload(ByteBuffer bytes) throws IOException {
        output.flush();
        transport.writePayload(bytes);
    }

    /**
     * Reads payload bytes into {@code target}: those read together with the last line, or else
     * what the transport has, waiting at most the read timeout; -1 at the end of the stream.
     */
    int readPayload(ByteBuffer target) throws IOException {
        int buffered = input.drainBuffered(target);
        if (buffered > 0) {
            return buffered;
        }
        return transport.readPayload(target);
    }

    /** Back to the lines after a payload. */
    void endPayload() throws IOException {
        transport.endPayload();
    }

    boolean isClosed() {
        return transport.isClosed();
    }

    @Override
    public void close() {
        transport.close();
    }
}
