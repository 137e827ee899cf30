package org.filedock.api.metrics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.filedock.api.ConnectorStatus;
import org.filedock.api.ConnectorStatusRegistry;

/**
 * Binds {@link FileDockCounters} to the Micrometer registry that WildFly's micrometer subsystem
 * gives the deployment (served as Prometheus text on the management port's {@code /metrics}),
 * once, when the application starts.
 * <p>
 * In the EAR's {@code lib/} for the reason the readiness check is: a subsystem's CDI extension
 * serves the beans of the EAR's top-level archives (docs/cluster.md, "Metrics"). It names no
 * Micrometer type itself, so that the EAR still deploys on a WildFly without Micrometer (then
 * nothing is exported); {@link FileDockMeters} is loaded only when Micrometer is there.
 */
@ApplicationScoped
public class MetricsBinding {

    private static final Logger LOG = Logger.getLogger(MetricsBinding.class.getName());
    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    @Inject
    BeanManager beans;

    private final AtomicBoolean started = new AtomicBoolean();
    /** The bound {@link FileDockMeters}, held while the application runs: the registry holds gauges weakly. */
    private Object bound;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!started.compareAndSet(false, true)) {
            return; // once per module of the EAR
        }
        if (!micrometerPresent()) {
            LOG.info("no Micrometer on this server: FileDock exports no metrics");
            return;
        }
        bound = FileDockMeters.bindToDeploymentRegistry(beans, new FileDockMeters(FileDockCounters.CONNECTIONS,
                MetricsBinding::openConnections, FileDockCounters.COMMANDS, FileDockCounters.TRANSFERS,
                FileDockCounters.LOCKS, FileDockCounters.HISTORY_QUEUE));
        LOG.info(bound != null ? "FileDock's metrics are bound to the Micrometer registry"
                : "no Micrometer registry (the micrometer subsystem is not configured): FileDock exports no metrics");
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (bound != null) {
            ((FileDockMeters) bound).unbind();
            bound = null;
        }
    }

    private static boolean micrometerPresent() {
        try {
            Class.forName(METER_REGISTRY, false, MetricsBinding.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static int openConnections() {
        return ConnectorStatusRegistry.current().map(ConnectorStatus::openSessions).orElse(0);
    }
}
