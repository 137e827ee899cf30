package org.filedock.cli.client;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.filedock.protocol.LineReader;
import org.filedock.protocol.Protocol;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/**
 * One TCP connection to a server: request lines out, reply lines and payload bytes in. It is a
 * blocking channel, so that upload payloads go from a direct buffer straight to the socket; lines
 * and downloads go through its socket's streams, which honour the read timeout.
 */
final class Connection implements Closeable {

    private static final int OUTPUT_BUFFER = 64 * 1024;

    private final SocketChannel channel;
    private final Socket socket;
    private final InputStream rawInput;
    private final LineReader input;
    private final OutputStream output;

    private Connection(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.socket = channel.socket();
        this.rawInput = socket.getInputStream();
        this.input = new LineReader(rawInput);
        this.output = new BufferedOutputStream(socket.getOutputStream(), OUTPUT_BUFFER);
    }

    static Connection open(String host, int port, ConnectionSettings settings) throws IOException {
        SocketChannel channel = SocketChannel.open();
        Socket socket = channel.socket();
        try {
            // Every request waits for its reply: Nagle would stall each small line.
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(settings.readTimeoutMillis());
            socket.connect(new InetSocketAddress(host, port), settings.connectTimeoutMillis());
            return new Connection(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
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
        return rawInput.available() > 0;
    }

    /** Writes all of {@code bytes} (after any line still buffered). */
    void writePayload(ByteBuffer bytes) throws IOException {
        output.flush();
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    int readPayload(byte[] target, int length) throws IOException {
        return input.read(target, 0, length);
    }

    boolean isClosed() {
        return !channel.isOpen();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
