package org.filedock.web.files;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;

import org.filedock.api.SessionState;
import org.filedock.api.history.TransferChannel;

/**
 * One HTTP request as the transfer side sees a session: who (the authenticated user, none without
 * accounts), from where, through which door. Nothing survives the request: the current directory
 * is always the area's root, and no state is kept between requests.
 */
public final class WebSession implements SessionState {

    private static final AtomicLong IDS = new AtomicLong();

    private final String id;
    private final String clientAddress;
    private final String user;
    private final TransferChannel channel;
    private Object attachment;

    public WebSession(HttpServletRequest request, TransferChannel channel) {
        this.id = "http-" + IDS.incrementAndGet();
        String host = request.getRemoteAddr();
        this.clientAddress = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + request.getRemotePort();
        this.user = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        this.channel = channel;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String clientAddress() {
        return clientAddress;
    }

    @Override
    public String currentDirectory() {
        return "/";
    }

    @Override
    public void changeDirectory(String absolutePath) {
        throw new UnsupportedOperationException("an HTTP request has no current directory");
    }

    @Override
    public boolean awaitingDownloadAck() {
        return false;
    }

    @Override
    public void awaitDownloadAck(boolean awaiting) {
        // HTTP has no COMPLETE: the response's end is the acknowledgement
    }

    @Override
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public void logIn(String name) {
        throw new UnsupportedOperationException("the web tier authenticates HTTP requests");
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    @Override
    public TransferChannel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return "HTTP request " + id + " from " + clientAddress + (user == null ? "" : " (" + user + ")");
    }
}
