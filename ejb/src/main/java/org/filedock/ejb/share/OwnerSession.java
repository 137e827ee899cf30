package org.filedock.ejb.share;

import java.util.Optional;

import org.filedock.api.SessionState;
import org.filedock.api.history.TransferChannel;

/**
 * The request of a share link's holder as the history and the audit trail see it: the holder's
 * address, the link's owner as the user (it is the owner's file and the owner's history), and the
 * channel {@code share}.
 */
final class OwnerSession implements SessionState {

    private final SessionState request;
    private final String owner;

    OwnerSession(SessionState request, String owner) {
        this.request = request;
        this.owner = owner;
    }

    @Override
    public String id() {
        return request.id();
    }

    @Override
    public String clientAddress() {
        return request.clientAddress();
    }

    @Override
    public String currentDirectory() {
        return "/";
    }

    @Override
    public void changeDirectory(String absolutePath) {
        throw new UnsupportedOperationException("a share link has no current directory");
    }

    @Override
    public boolean awaitingDownloadAck() {
        return false;
    }

    @Override
    public void awaitDownloadAck(boolean awaiting) {
        // HTTP has no COMPLETE
    }

    @Override
    public Optional<String> user() {
        return Optional.ofNullable(owner);
    }

    @Override
    public void logIn(String user) {
        throw new UnsupportedOperationException("a share link's holder does not log in");
    }

    @Override
    public Object attachment() {
        return null;
    }

    @Override
    public void attach(Object attachment) {
        throw new UnsupportedOperationException("a share link's request keeps nothing");
    }

    @Override
    public TransferChannel channel() {
        return TransferChannel.SHARE;
    }

    @Override
    public String toString() {
        return "share download from " + request.clientAddress() + (owner == null ? "" : " (of " + owner + "'s file)");
    }
}
