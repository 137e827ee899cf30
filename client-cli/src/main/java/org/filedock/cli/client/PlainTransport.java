package org.filedock.cli.client;

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

/**
 * Plain TCP through a channel, so that payloads go between a direct buffer and the socket without
 * a copy on the heap; lines go through its socket's streams, which honour the read timeout.
 */
final class PlainTransport implements Transport {

    private final SocketChannel channel;
    private final Socket socket;
    private final InputStream input;
    private final OutputStream output;
    private Selector payloadSelector;

    private PlainTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.socket = channel.socket();
        this.input = socket.getInputStream();
        this.output = socket.getOutputStream();
    }

    static PlainTransport open(String host, int port, ConnectionSettings settings) throws IOException {
        SocketChannel channel = SocketChannel.open();
        Socket socket = channel.socket();
        try {
            // Every request waits for its reply: Nagle would stall each small line.
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(settings.readTimeoutMillis());
            socket.connect(new InetSocketAddress(host, port), settings.connectTimeoutMillis());
            return new PlainTransport(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public ByteBuffer newPayloadBuffer(int capacity) {
        return ByteBuffer.allocateDirect(capacity);
    }

    /**
     * For a payload the channel is switched to non-blocking mode and watched by a selector of its
     * own (its socket's streams have the timeout, a blocking channel has none); {@link #endPayload()}
     * switches it back for the lines.
     */
    @Override
    public int readPayload(ByteBuffer target) throws IOException {
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

    @Override
    public void writePayload(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Override
    public void endPayload() throws IOException {
        if (payloadSelector != null) {
            payloadSelector.close(); // deregisters the channel
            payloadSelector = null;
            if (channel.isOpen()) {
                channel.configureBlocking(true);
            }
        }
    }

    @Override
    public boolean isClosed() {
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
