package org.filedock.ejb.command;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.filedock.api.Exchange;
import org.filedock.api.SessionState;
import org.filedock.protocol.Reply;

/** An {@link Exchange} in memory: records what a command sends, feeds it a prepared payload. */
final class RecordingExchange implements Exchange {

    final List<String> sent = new ArrayList<>();
    final ByteArrayOutputStream payloadOut = new ByteArrayOutputStream();
    private final TestSession session = new TestSession();
    private byte[] payloadIn = new byte[0];
    boolean aborted;
    /** What the command asked with {@link #replyNoSoonerThan}. */
    Duration replyDelay = Duration.ZERO;

    RecordingExchange payload(byte[] bytes) {
        payloadIn = bytes;
        return this;
    }

    @Override
    public SessionState session() {
        return session;
    }

    @Override
    public void send(Reply reply) {
        sent.add(reply.toLine());
    }

    @Override
    public void send(Reply reply, List<String> lines) {
        sent.add(reply.toLine());
        sent.addAll(lines);
    }

    @Override
    public ReadableByteChannel receivePayload(long size) {
        return Channels.newChannel(new ByteArrayInputStream(payloadIn, 0, (int) size));
    }

    @Override
    public WritableByteChannel payloadSink() {
        return Channels.newChannel(payloadOut);
    }

    @Override
    public void abort() {
        aborted = true;
    }

    @Override
    public void replyNoSoonerThan(Duration delay) {
        replyDelay = delay;
    }

    private static final class TestSession implements SessionState {
        private String directory = "/";
        private boolean awaiting;
        private String user;
        private Object attachment;

        @Override
        public String id() {
            return "test";
        }

        @Override
        public String clientAddress() {
            return "127.0.0.1:1";
        }

        @Override
        public String currentDirectory() {
            return directory;
        }

        @Override
        public void changeDirectory(String absolutePath) {
            directory = absolutePath;
        }

        @Override
        public boolean awaitingDownloadAck() {
            return awaiting;
        }

        @Override
        public void awaitDownloadAck(boolean awaiting) {
            this.awaiting = awaiting;
        }

        @Override
        public Optional<String> user() {
            return Optional.ofNullable(user);
        }

        @Override
        public void logIn(String name) {
            user = name;
        }

        @Override
        public Object attachment() {
            return attachment;
        }

        @Override
        public void attach(Object value) {
            attachment = value;
        }
    }
}
