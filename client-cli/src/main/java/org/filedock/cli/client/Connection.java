package org.filedock.cli.client;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.filedock.protocol.LineReader;
import org.filedock.protocol.Protocol;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/**
 * One TCP connection to a server: request lines out, reply lines and payload bytes in. It is a
 * channel, so that payloads go between a direct buffer and the socket without a copy on the heap;
 * lines go through its socket's streams, which honour the read timeout.
 */
final class Connection implements Closeable {

    private static final int OUTPUT_BUFFER = 64 * 1024;

    private final SocketChannel channel;
    private final Socket socket;
    private final InputStream rawInput;
    private final LineReader input;
    private final OutputStream output;
    private Selector payloadSelector;

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

    /**
     * Reads payload bytes into {@code target}: those read together with the last line, or else
     * what the socket has, waiting at most the read timeout; -1 at the end of the stream. For a
     * payload the channel is switched to non-blocking mode and watched by a selector of its own
     * (its socket's streams have the timeout, a blocking channel has none); {@link #endPayload()}
     * switches it back for the lines.
     */
    int readPayload(ByteBuffer target) throws IOException {
        int buffered = input.drainBuffered(target);
        if (buffered > 0) {
            return buffered;
        }
        if (payloadSelector == null) {
            payloadSelector = Selector.open();
            channel.configureBlocking(false);
            channel.register(payloadSelector, SelectionKey.OP_READ);
        }
        while (true) {
            int n = channel.read(target);
            if (n != 0) {
                return n;
            }
            if (payloadSelector.select(socket.getSoTimeout()) == 0) {
                throw new SocketTimeoutException("no payload byte for " + socket.getSoTimeout() + " ms");
            }
            payloadSelector.selectedKeys().clear();
        }
    }

    /** Back to blocking mode after a payload, for the lines that follow. */
    void endPayload() throws IOException {
        if (payloadSelector != null) {
            payloadSelector.close(); // deregisters the channel
            payloadSelector = null;
            if (channel.isOpen()) {
                channel.configureBlocking(true);
            }
        }
    }

    boolean isClosed() {
        return !channel.isOpen();
    }

    @Override
    public void close() {
        try {
            if (payloadSelector != null) {
                payloadSelector.close();
            }
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
