package org.filedock.web.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.filedock.api.Exchange;
import org.filedock.api.SessionState;
import org.filedock.protocol.Reply;

/**
 * A {@code PUT} as the socket {@code UPLOAD} sees its connection: the payload is the request body.
 * The protocol's intermediate replies ({@code OK@Ready}) have no HTTP counterpart (a client that
 * sent {@code Expect: 100-continue} gets its 100 from the container at the first read), so they go
 * nowhere; the final reply becomes the response.
 */
final class PutExchange implements Exchange {

    private final SessionState session;
    private final HttpServletRequest request;
    private final Duration payloadTimeout;
    private Reply interimError;

    PutExchange(SessionState session, HttpServletRequest request, Duration payloadTimeout) {
        this.session = session;
        this.request = request;
        this.payloadTimeout = payloadTimeout;
    }

    @Override
    public SessionState session() {
        return session;
    }

    @Override
    public void send(Reply reply) {
        // OK@Ready: the body is read when the upload is ready for it; an error sent before the
        // final reply (ERR@TIMEOUT when the body stalled) is kept to explain that reply
        if (reply.isError()) {
            interimError = reply;
        }
    }

    /** An error the upload reported before its final reply (a stalled body's TIMEOUT), or null. */
    Reply interimError() {
        return interimError;
    }

    @Override
    public void send(Reply reply, List<String> lines) {
        throw new UnsupportedOperationException("a PUT sends no listing");
    }

    @Override
    public ReadableByteChannel receivePayload(long size) {
        Optional<ReadableByteChannel> direct = RequestChannel.of(request, size, payloadTimeout);
        if (direct.isPresent()) {
            return direct.get();
        }
        try {
            return new RequestBody(request.getInputStream(), size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public WritableByteChannel payloadSink() {
        throw new UnsupportedOperationException("a PUT sends no payload");
    }

    @Override
    public void abort() {
        // the response that follows says what happened; the container closes a broken connection
    }

    @Override
    public void replyNoSoonerThan(Duration delay) {
        // no held-back replies over HTTP
    }
}
