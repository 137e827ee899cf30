package org.filedock.web.info;

import java.time.Instant;

/**
 * The facts {@code GET /api/info} reports. {@code protocolPort} and {@code tlsPort} are
 * {@code null} when that listener is off; {@code tlsFingerprint} is {@code SHA256:<hex>} of the
 * TLS certificate (contract §9).
 */
public record ServerInfo(
        String version,
        String protocolVersion,
        String bindAddress,
        Integer protocolPort,
        String storageRoot,
        int openSessions,
        Instant startedAt,
        long uptimeSeconds,
        Integer tlsPort,
        String tlsFingerprint) {

    /** The same facts but where the files lie on the server's disk. */
    public ServerInfo withoutStorageRoot() {
        return new ServerInfo(version, protocolVersion, bindAddress, protocolPort, null, openSessions, startedAt,
                uptimeSeconds, tlsPort, tlsFingerprint);
    }
}
