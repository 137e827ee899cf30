package org.filedock.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the application tells the adapter that it is going away (undeploy, server stop). The
 * container waits for running commands before it deactivates the message endpoint, and a
 * transfer runs as long as its client keeps it going; so the EJB module announces the shutdown
 * as its first step, and the adapter then disconnects every client, which ends the transfers.
 * A JVM-wide holder because the adapter and the EJBs share only the EAR's {@code lib/}.
 */
public final class ApplicationShutdown {

    private static final Set<Runnable> LISTENERS = ConcurrentHashMap.newKeySet();

    private ApplicationShutdown() {
    }

    public static void listen(Runnable listener) {
        LISTENERS.add(listener);
    }

    public static void stopListening(Runnable listener) {
        LISTENERS.remove(listener);
    }

    /** Runs every listener, in this thread. */
    public static void announce() {
        for (Runnable listener : LISTENERS) {
            listener.run();
        }
    }
}
