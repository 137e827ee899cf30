package org.filedock.web.info;

import java.time.Instant;

/** The facts {@code GET /api/info} reports. */
public record ServerInfo(
        String version,
        String protocolVersion,
        String bindAddress,
        Integer protocolPort,
        String storageRoot,
        int openSessions,
        Instant startedAt,
        long uptimeSeconds) {
}
