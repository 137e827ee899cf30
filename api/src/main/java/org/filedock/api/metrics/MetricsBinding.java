package org.filedock.api.metrics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import org.filedock.api.ConnectorStatus;
import org.filedock.api.ConnectorStatusRegistry;

/**
 * Binds {@link FileDockCounters} to the Micrometer registry that WildFly's micrometer subsystem
 * gives the deployment (served as Prometheus text on the management port's {@code /metrics}),
 * once, when the application starts.
 * <p>
 * In the EAR's {@code lib/} for the reason the readiness check is: a subsystem's CDI extension
 * serves the beans of the EAR's top-level archives (docs/cluster.md, "Metrics").
 */
@ApplicationScoped
public class MetricsBinding {

    private static final Logger LOG = Logger.getLogger(MetricsBinding.class.getName());

    @Inject
    Instance<MeterRegistry> registries;

    private final AtomicBoolean bound = new AtomicBoolean();
    /** Held for as long as the application runs: the registry holds the gauges' objects weakly. */
    private FileDockMeters meters;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (registries.isUnsatisfied()) {
            LOG.info("no Micrometer registry (the micrometer subsystem is not configured): FileDock exports no metrics");
            return;
        }
        if (bound.compareAndSet(false, true)) {
            meters = new FileDockMeters(FileDockCounters.CONNECTIONS, MetricsBinding::openConnections,
                    FileDockCounters.COMMANDS, FileDockCounters.TRANSFERS, FileDockCounters.LOCKS,
                    FileDockCounters.HISTORY_QUEUE);
            meters.bindTo(registries.get());
            LOG.info("FileDock's metrics are bound to the Micrometer registry");
        }
    }

    private static int openConnections() {
        return ConnectorStatusRegistry.current().map(ConnectorStatus::openSessions).orElse(0);
    }
}
