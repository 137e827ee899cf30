package org.filedock.api;

import java.time.Instant;

/** Live facts about the protocol listener, published by the adapter for the web part. */
public interface ConnectorStatus {

    String bindAddress();

    /** The port actually bound. */
    int port();

    int openSessions();

    Instant startedAt();
}
