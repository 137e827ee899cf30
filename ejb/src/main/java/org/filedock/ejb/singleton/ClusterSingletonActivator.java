package org.filedock.ejb.singleton;

import org.jboss.msc.Service;
import org.jboss.msc.service.ServiceActivatorContext;
import org.jboss.msc.service.ServiceName;
import org.jboss.msc.service.StartContext;
import org.jboss.msc.service.StopContext;
import org.wildfly.clustering.singleton.service.SingletonServiceActivator;
import org.wildfly.clustering.singleton.service.SingletonServiceActivatorContext;
import org.wildfly.clustering.singleton.service.SingletonServiceBuilder;

/**
 * Installs FileDock's HA singleton service with the server's default singleton policy (the
 * {@code singleton-ha} layer of the cluster server): it runs on one member of the cluster at a
 * time and tells {@link ClusterSingleton} so. On a single server ({@code filedock.cluster} unset)
 * nothing is installed. Found by the server through
 * {@code META-INF/services/org.jboss.msc.service.ServiceActivator}.
 */
public class ClusterSingletonActivator implements SingletonServiceActivator {

    static final ServiceName NAME = ServiceName.JBOSS.append("filedock", "cluster-singleton");

    @Override
    public void activate(ServiceActivatorContext context) {
        if (ClusterSingleton.clustered()) {
            SingletonServiceActivator.super.activate(context);
        }
    }

    @Override
    public void activate(SingletonServiceActivatorContext context) {
        // the name provided is the singleton's identity across the cluster: without it each node's
        // service would get a random one of its own and every node would be elected
        SingletonServiceBuilder<?> builder = context.getServiceTarget().addService();
        builder.provides(NAME);
        builder.setInstance(new Elected()).install();
    }

    /** Runs only on the elected member. */
    private static final class Elected implements Service {

        @Override
        public void start(StartContext context) {
            ClusterSingleton.elected();
        }

        @Override
        public void stop(StopContext context) {
            ClusterSingleton.deposed();
        }
    }
}
