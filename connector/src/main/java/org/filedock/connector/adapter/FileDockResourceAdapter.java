package org.filedock.connector.adapter;

import java.io.IOException;
import java.io.Serializable;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import javax.transaction.xa.XAResource;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;

import org.filedock.api.ApplicationShutdown;
import org.filedock.api.ConnectorStatusRegistry;
import org.filedock.api.FileDockConfig;
import org.filedock.api.TlsConfig;
import org.filedock.connector.dispatch.EndpointDispatcher;
import org.filedock.connector.net.ProtocolServer;
import org.filedock.connector.tls.TlsTransports;

/**
 * The FileDock resource adapter: opens the protocol listeners (plain and TLS) when the
 * {@code CommandListener} bean's endpoint is activated, so that no client connects before
 * commands can be served; closes them and every session when it stops, and dispatches commands
 * to that bean.
 */
@Connector(displayName = "FileDock", vendorName = "FileDock", eisType = "FileDock protocol",
        version = "1.0", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class FileDockResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FileDockResourceAdapter.class.getName());

    private final transient AtomicReference<EndpointDispatcher> dispatcher = new AtomicReference<>();
    private transient volatile ProtocolServer server;
    private transient Runnable shutdownListener;
    private transient FileDockConfig config;
    private transient GracefulDrain drain;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        FileDockConfig config;
        try {
            config = FileDockConfig.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("bad FileDock configuration: " + e.getMessage(), e);
        }
        if (config.port().isEmpty()) {
            LOG.info("FileDock protocol listener is off (" + FileDockConfig.PORT + "=off)");
        }
        if (config.tls().port().isEmpty()) {
            LOG.info("FileDock TLS listener is off (" + TlsConfig.PORT + "=off)");
        }
        if (config.port().isEmpty() && config.tls().port().isEmpty()) {
            return;
        }
        Duration drainBound;
        try {
            drainBound = GracefulDrain.configuredBound();
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("bad FileDock configuration: " + e.getMessage(), e);
        }
        server = new ProtocolServer(config, context.getWorkManager(), dispatcher::get, tlsTransports(config));
        this.config = config;
        drain = GracefulDrain.register(() -> server, drainBound);
    }

    /**
     * Opens the listeners once the command endpoint is active: before that a client could connect
     * but not be served, and a balancer would send clients to a node still starting.
     */
    private synchronized void openListeners() throws ResourceException {
        ProtocolServer toOpen = server;
        if (toOpen == null || toOpen.startedAt() != null) {
            return;
        }
        try {
            toOpen.start();
        } catch (IOException | WorkException e) {
            throw new ResourceAdapterInternalException("FileDock cannot listen on " + config.bindAddress()
                    + " (port " + portOrOff(config.port()) + ", TLS port " + portOrOff(config.tls().port()) + "): "
                    + e.getMessage(), e);
        }
        ConnectorStatusRegistry.publish(toOpen);
        shutdownListener = toOpen::shuttingDown;
        ApplicationShutdown.listen(shutdownListener);
        if (toOpen.port() >= 0) {
            LOG.info("FileDock protocol listening on " + toOpen.bindAddress() + ":" + toOpen.port()
                    + ", storage root " + config.storageRoot());
        }
        if (toOpen.tlsPort() != null) {
            LOG.info("FileDock TLS listening on " + toOpen.bindAddress() + ":" + toOpen.tlsPort()
                    + ", certificate " + toOpen.tlsFingerprint());
        }
    }

    private static String portOrOff(OptionalInt port) {
        return port.isPresent() ? Integer.toString(port.getAsInt()) : "off";
    }

    private static TlsTransports tlsTransports(FileDockConfig config) throws ResourceAdapterInternalException {
        if (config.tls().port().isEmpty()) {
            return null;
        }
        try {
            return TlsTransports.from(config.tls(), config.bindAddress());
        } catch (IOException | GeneralSecurityException e) {
            throw new ResourceAdapterInternalException("FileDock has no usable TLS key: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (drain != null) {
            drain.unregister();
            drain = null;
        }
        if (server == null) {
            return;
        }
        boolean opened = server.startedAt() != null;
        if (opened) {
            ApplicationShutdown.stopListening(shutdownListener);
            ConnectorStatusRegistry.withdraw(server);
        }
        server.stop();
        if (opened) {
            LOG.info("FileDock listeners closed (protocol port " + server.port() + ", TLS port "
                    + server.tlsPort() + ")");
        }
        server = null;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        EndpointDispatcher activated = new EndpointDispatcher(factory);
        if (!dispatcher.compareAndSet(null, activated)) {
            throw new ResourceException("FileDock takes one command endpoint; one is already active");
        }
        try {
            openListeners();
        } catch (ResourceException | RuntimeException e) {
            dispatcher.compareAndSet(activated, null);
            throw e;
        }
    }

    /**
     * Without the endpoint no command can run: the clients are told and disconnected, which also
     * ends every transfer still inside the endpoint, so that the container does not wait for
     * them while it undeploys or stops.
     */
    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        EndpointDispatcher current = dispatcher.get();
        if (current != null && current.factory() == factory && dispatcher.compareAndSet(current, null)) {
            ProtocolServer running = server;
            // a graceful stop (GracefulDrain) lets the running commands finish: they hold their endpoints
            if (running != null && running.accepting()) {
                running.disconnectAll("server shutting down");
            }
            current.close();
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null;
    }

    // one adapter instance per deployment: identity is equality
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
