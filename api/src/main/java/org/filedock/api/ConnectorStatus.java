package org.filedock.api;

import java.time.Instant;

/** Live facts about the protocol listeners, published by the adapter for the web part. */
public interface ConnectorStatus {

    String bindAddress();

    /** The plaintext port actually bound; -1 when that listener is off. */
    int port();

    /** The TLS port actually bound; {@code null} when that listener is off (contract §9). */
    default Integer tlsPort() {
        return null;
    }

    /**
     * The TLS certificate's fingerprint, {@code SHA256:<64 lowercase hex digits>} of its DER form;
     * {@code null} when the TLS listener is off.
     */
    default String tlsFingerprint() {
        return null;
    }

    int openSessions();

    /** Whether new connections are taken: the listeners are open and not draining for a stop. */
    default boolean accepting() {
        return startedAt() != null;
    }

    Instant startedAt();
}
