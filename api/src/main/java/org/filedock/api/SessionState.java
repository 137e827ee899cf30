package org.filedock.api;

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
}
