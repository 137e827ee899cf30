package org.filedock.api;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the adapter publishes its {@link ConnectorStatus}. A JVM-wide holder because the adapter
 * and the web module are separate deployments that share only the EAR's {@code lib/}.
 */
public final class ConnectorStatusRegistry {

    private static final AtomicReference<ConnectorStatus> CURRENT = new AtomicReference<>();

    private ConnectorStatusRegistry() {
    }

    public static void publish(ConnectorStatus status) {
        CURRENT.set(status);
    }

    public static void withdraw(ConnectorStatus status) {
        CURRENT.compareAndSet(status, null);
    }

    public static Optional<ConnectorStatus> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
