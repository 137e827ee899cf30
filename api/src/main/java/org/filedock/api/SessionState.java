package org.filedock.api;

import java.util.Optional;

import org.filedock.api.history.TransferChannel;

/**
 * What the server remembers of one client connection between commands. Kept by the adapter;
 * behind an interface so that it can later live elsewhere (e.g. shared by cluster nodes).
 */
public interface SessionState {

    String id();

    /** The client's address as {@code host:port}. */
    String clientAddress();

    /** Absolute path of the current directory within the storage root: {@code /} or {@code /a/b}. */
    String currentDirectory();

    void changeDirectory(String absolutePath);

    /** Whether the last command was a download whose {@code COMPLETE} has not come yet. */
    boolean awaitingDownloadAck();

    void awaitDownloadAck(boolean awaiting);

    /** The user this session logged in as (§8); empty before {@code LOGIN}, and always with {@code filedock.auth=none}. */
    Optional<String> user();

    /** Records a successful {@code LOGIN}. */
    void logIn(String user);

    /**
     * What the command side keeps with this session and nobody else reads (its account: the
     * logged-in user's security identity, the failed logins); {@code null} until attached. It
     * dies with the session.
     */
    Object attachment();

    void attach(Object attachment);

    /** The door this session came through, for the rate history; the socket protocol unless said otherwise. */
    default TransferChannel channel() {
        return TransferChannel.PROTOCOL;
    }
}
