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

    /** The same facts but where the files lie on the server's disk. */
    public ServerInfo withoutStorageRoot() {
        return new ServerInfo(version, protocolVersion, bindAddress, protocolPort, null, openSessions, startedAt,
                uptimeSeconds);
    }
}
