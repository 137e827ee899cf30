package org.filedock.api;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.List;

import org.filedock.protocol.Reply;

/** The client's connection as one command sees it while it runs. */
public interface Exchange {

    SessionState session();

    /** Sends a reply before the command's final one (e.g. {@code OK@Ready}) and flushes it. */
    void send(Reply reply) throws IOException;

    /** Sends a reply followed by lines of data (a {@code DIR} listing), in one write where possible. */
    void send(Reply reply, List<String> lines) throws IOException;

    /**
     * The next {@code size} bytes the client sends, as a channel that blocks until bytes arrive,
     * reports the end after exactly {@code size} bytes, and throws {@link PayloadTimeoutException}
     * when the client stalls and {@link java.io.EOFException} when the client goes away.
     */
    ReadableByteChannel receivePayload(long size);

    /**
     * The raw connection for payload bytes to the client. A write blocks until the socket takes at
     * least one byte, and may take only part of the buffer (what the socket accepts at that moment).
     */
    WritableByteChannel payloadSink();

    /**
     * Closes the connection without another word: for when the byte stream is out of step
     * (a payload could not be sent in full), so no reply line can be trusted by the client.
     */
    void abort();

    /**
     * Holds the command's final reply back until at least {@code delay} after its line arrived
     * (a failed {@code LOGIN} answers late, and equally late whatever failed). Meanwhile the
     * connection is not served (later lines wait) and no thread waits for it: the command returns
     * at once and the adapter sends the reply when it is due. Replies sent with {@code send} are
     * not held back. Called more than once, the latest time counts.
     */
    void replyNoSoonerThan(Duration delay);
}
