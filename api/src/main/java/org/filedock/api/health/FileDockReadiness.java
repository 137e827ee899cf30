package org.filedock.api.health;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.filedock.api.ConnectorStatus;
import org.filedock.api.ConnectorStatusRegistry;

/**
 * FileDock's own readiness ({@code /health/ready} on the management port, check {@value #NAME}):
 * UP only while the protocol listeners accept connections (open, not draining) and the history's
 * datasource answers. The cluster's balancer takes a node out of its rotation on DOWN.
 * <p>
 * It lives in the EAR's {@code lib/} on purpose: WildFly's health subsystem registers one CDI
 * extension per top-level deployment, and that extension sees only the beans of the EAR's
 * top-level archives, never those of its WAR or EJB jar (see docs/cluster.md, "Readiness").
 */
@Readiness
@ApplicationScoped
public class FileDockReadiness implements HealthCheck {

    public static final String NAME = "filedock";

    private final HistoryDatasourceProbe history = new HistoryDatasourceProbe();

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        Optional<ConnectorStatus> listeners = ConnectorStatusRegistry.current();
        boolean accepting = listeners.map(ConnectorStatus::accepting).orElse(false);
        response.withData("listeners", listeners.isEmpty() ? "closed" : accepting ? "accepting" : "draining");
        listeners.ifPresent(status -> response.withData("openSessions", status.openSessions()));
        String historyState = history.probe();
        response.withData("history", historyState);
        return response.status(accepting && HistoryDatasourceProbe.OK.equals(historyState)).build();
    }
}
