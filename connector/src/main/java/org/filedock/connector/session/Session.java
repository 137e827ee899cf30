package org.filedock.connector.session;

import java.util.Optional;

import org.filedock.api.SessionState;

/** One client's state between commands, kept in memory by the adapter. */
public final class Session implements SessionState {

    private static final String ROOT = "/";

    private final String id;
    private final String clientAddress;
    private volatile String currentDirectory = ROOT;
    private volatile boolean awaitingDownloadAck;
    private volatile String user;
    private volatile Object attachment;

    public Session(String id, String clientAddress) {
        this.id = id;
        this.clientAddress = clientAddress;
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
        return currentDirectory;
    }

    @Override
    public void changeDirectory(String absolutePath) {
        if (!absolutePath.startsWith(ROOT)) {
            throw new IllegalArgumentException("not an absolute path: " + absolutePath);
        }
        currentDirectory = absolutePath;
    }

    @Override
    public boolean awaitingDownloadAck() {
        return awaitingDownloadAck;
    }

    @Override
    public void awaitDownloadAck(boolean awaiting) {
        awaitingDownloadAck = awaiting;
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

    @Override
    public String toString() {
        String name = user;
        return "session " + id + " (" + clientAddress + (name == null ? "" : ", " + name) + ")";
    }
}
