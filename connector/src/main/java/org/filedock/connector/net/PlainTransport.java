package org.filedock.connector.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** The protocol's bytes as they are, straight to and from the socket. */
final class PlainTransport implements Transport {

    static final TransportFactory FACTORY = new TransportFactory() {
        @Override
        public Transport open(SocketChannel channel) {
            return new PlainTransport(channel);
        }

        @Override
        public boolean encrypted() {
            return false;
        }
    };

    private final SocketChannel channel;

    PlainTransport(SocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        return channel.read(target);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        return channel.write(source);
    }

    @Override
    public boolean flush() {
        return true;
    }

    @Override
    public int readInterest() {
        return SelectionKey.OP_READ;
    }

    @Override
    public boolean hasBufferedInput() {
        return false;
    }

    @Override
    public boolean established() {
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
