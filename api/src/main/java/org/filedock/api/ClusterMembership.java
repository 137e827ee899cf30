package org.filedock.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the EJB module publishes the cluster it belongs to, for the web part's
 * {@code /api/info}. Empty on a single node. A JVM-wide holder because the two modules share only
 * the EAR's {@code lib/}.
 */
public final class ClusterMembership {

    /** This node and the members it sees now. */
    public interface View {
        String node();

        /** The members of the current view, sorted by name. */
        List<String> members();

        /** How many members the cluster is configured with. */
        int configuredSize();
    }

    private static final AtomicReference<View> CURRENT = new AtomicReference<>();

    private ClusterMembership() {
    }

    public static void publish(View view) {
        CURRENT.set(view);
    }

    public static void withdraw(View view) {
        CURRENT.compareAndSet(view, null);
    }

    public static Optional<View> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
