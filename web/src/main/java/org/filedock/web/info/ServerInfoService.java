package org.filedock.web.info;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.filedock.api.ClusterMembership;
import org.filedock.api.ConnectorStatus;
import org.filedock.api.ConnectorStatusRegistry;
import org.filedock.api.FileDockConfig;
import org.filedock.api.FileDockVersion;
import org.filedock.protocol.Protocol;

/** Gathers the server facts from the configuration and the adapter's live status. */
@ApplicationScoped
public class ServerInfoService {

    public ServerInfo current() {
        FileDockConfig config = FileDockConfig.fromSystemProperties();
        ConnectorStatus status = ConnectorStatusRegistry.current().orElse(null);
        Instant now = Instant.now();
        Optional<ClusterMembership.View> cluster = ClusterMembership.current();
        return new ServerInfo(
                FileDockVersion.get(),
                Protocol.VERSION,
                config.bindAddress(),
                status == null || status.port() < 0 ? null : status.port(),
                config.storageRoot().toString(),
                status == null ? 0 : status.openSessions(),
                status == null ? null : status.startedAt(),
                status == null ? 0 : Duration.between(status.startedAt(), now).toSeconds(),
                status == null ? null : status.tlsPort(),
                status == null ? null : status.tlsFingerprint(),
                cluster.map(ClusterMembership.View::node).orElse(System.getProperty("jboss.node.name")),
                cluster.map(ClusterMembership.View::members).orElse(null));
    }
}
