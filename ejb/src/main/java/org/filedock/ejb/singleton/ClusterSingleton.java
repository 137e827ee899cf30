package org.filedock.ejb.singleton;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import org.filedock.ejb.config.StorageProducer;

/**
 * Whether this node runs the cluster's once-only housekeeping (the history's and the audit trail's
 * retention). On a single server it always does. In a cluster ({@code filedock.cluster} set) only
 * while WildFly's HA singleton service ({@link ClusterSingletonActivator}) runs here: the singleton
 * subsystem elects one member, and elects another when that one leaves.
 */
public final class ClusterSingleton {

    private static final Logger LOG = Logger.getLogger(ClusterSingleton.class.getName());
    private static final AtomicBoolean ELECTED = new AtomicBoolean();

    private ClusterSingleton() {
    }

    /** Whether the once-only work runs here now. */
    public static boolean runsHere() {
        return !clustered() || ELECTED.get();
    }

    static boolean clustered() {
        return System.getProperty(StorageProducer.CLUSTER) != null;
    }

    static void elected() {
        if (ELECTED.compareAndSet(false, true)) {
            LOG.info("FileDock cluster singleton: this node runs the history retention");
        }
    }

    static void deposed() {
        if (ELECTED.compareAndSet(true, false)) {
            LOG.info("FileDock cluster singleton: this node no longer runs the history retention");
        }
    }
}
