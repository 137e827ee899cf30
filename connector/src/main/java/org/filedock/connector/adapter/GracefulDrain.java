package org.filedock.connector.adapter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.filedock.api.PropertyValues;
import org.filedock.connector.net.ProtocolServer;
import org.jboss.as.server.CurrentServiceContainer;
import org.jboss.as.server.suspend.ServerResumeContext;
import org.jboss.as.server.suspend.ServerSuspendContext;
import org.jboss.as.server.suspend.SuspendableActivity;
import org.jboss.as.server.suspend.SuspendableActivityRegistry;
import org.jboss.msc.Service;
import org.jboss.msc.service.ServiceBuilder;
import org.jboss.msc.service.ServiceController;
import org.jboss.msc.service.ServiceName;
import org.jboss.msc.service.StartContext;
import org.jboss.msc.service.StopContext;

/**
 * FileDock's part in WildFly's suspend, which is how the server stops gracefully
 * ({@code :shutdown(suspend-timeout=N)}, SIGTERM with {@code -Dorg.wildfly.sigterm.suspend.timeout=N},
 * or {@code :suspend}). Registered first among the server's activities, so that it runs before the
 * EJB container stops taking transactions and before the message-driven bean's endpoint is
 * deactivated:
 * <ol>
 * <li>prepare: the listeners close (readiness DOWN, connecting clients refused, so a balancer sends
 * them to another node) and idle clients are disconnected;</li>
 * <li>suspend: completes once every running command has finished and its client is disconnected,
 * or after {@value #DRAIN_TIMEOUT} seconds (default 30), when the rest are cut off. The server's
 * own suspend timeout bounds it too: when that passes first, the stop goes on and the application's
 * shutdown disconnects whoever is left;</li>
 * <li>resume (after {@code :suspend}): the listeners open again.</li>
 * </ol>
 * WildFly offers a deployment no public API for this: the suspend controller is the MSC service of
 * its capability ({@code org.wildfly.server.suspend-controller}), reached through the modules
 * {@code org.jboss.as.server} and {@code org.jboss.msc} (the EAR's jboss-deployment-structure.xml).
 */
final class GracefulDrain implements SuspendableActivity {

    static final String DRAIN_TIMEOUT = "filedock.drain-timeout";
    private static final long DEFAULT_DRAIN_SECONDS = 30;
    private static final ServiceName SUSPEND_CONTROLLER = ServiceName.parse("org.wildfly.server.suspend-controller");
    private static final Logger LOG = Logger.getLogger(GracefulDrain.class.getName());

    private final Supplier<ProtocolServer> server;
    private final Duration bound;
    private ServiceController<?> registration;

    private GracefulDrain(Supplier<ProtocolServer> server, Duration bound) {
        this.server = server;
        this.bound = bound;
    }

    /** The drain's bound from {@value #DRAIN_TIMEOUT} (seconds, 0 to 86400). */
    static Duration configuredBound() {
        String value = System.getProperty(DRAIN_TIMEOUT);
        return Duration.ofSeconds(value == null ? DEFAULT_DRAIN_SECONDS : PropertyValues.parse(DRAIN_TIMEOUT, value, 0, 86_400));
    }

    /**
     * Registers with the server's suspend controller, through a small service of the server's own
     * that requires it (the controller's value is not readable directly); without one (not in
     * WildFly) there is no drain.
     */
    static GracefulDrain register(Supplier<ProtocolServer> server, Duration bound) {
        GracefulDrain drain = new GracefulDrain(server, bound);
        try {
            ServiceBuilder<?> builder = CurrentServiceContainer.getServiceContainer().addService();
            Supplier<SuspendableActivityRegistry> registry = builder.requires(SUSPEND_CONTROLLER);
            builder.setInstance(new Service() {
                @Override
                public void start(StartContext context) {
                    registry.get().registerActivity(drain, SuspendableActivityRegistry.SuspendPriority.FIRST);
                }

                @Override
                public void stop(StopContext context) {
                    registry.get().unregisterActivity(drain);
                }
            });
            drain.registration = builder.install();
            return drain;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "cannot take part in the server's suspend: a graceful stop will not drain"
                    + " FileDock's connections", e);
            return null;
        }
    }

    void unregister() {
        registration.setMode(ServiceController.Mode.REMOVE);
    }

    @Override
    public CompletionStage<Void> prepare(ServerSuspendContext context) {
        ProtocolServer running = server.get();
        if (running != null) {
            running.stopAccepting();
        }
        return COMPLETED;
    }

    @Override
    public CompletionStage<Void> suspend(ServerSuspendContext context) {
        ProtocolServer running = server.get();
        return running == null ? COMPLETED : running.drain(bound);
    }

    @Override
    public CompletionStage<Void> resume(ServerResumeContext context) {
        ProtocolServer running = server.get();
        if (running != null) {
            try {
                running.acceptAgain();
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "FileDock cannot listen again after the server resumed", e);
            }
        }
        return COMPLETED;
    }
}
