package org.filedock.web.info;

import java.time.Instant;
import java.util.List;

/**
 * The facts {@code GET /api/info} reports. {@code protocolPort} and {@code tlsPort} are
 * {@code null} when that listener is off; {@code tlsFingerprint} is {@code SHA256:<hex>} of the
 * TLS certificate (contract §9). {@code node} names this server ({@code jboss.node.name});
 * {@code clusterMembers} lists the members of its cluster's current view, {@code null} on a
 * single node.
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
        String tlsFingerprint,
        String node,
        List<String> clusterMembers) {

    /** The same facts but where the files lie on the server's disk. */
    public ServerInfo withoutStorageRoot() {
        return new ServerInfo(version, protocolVersion, bindAddress, protocolPort, null, openSessions, startedAt,
                uptimeSeconds, tlsPort, tlsFingerprint, node, clusterMembers);
    }
}
