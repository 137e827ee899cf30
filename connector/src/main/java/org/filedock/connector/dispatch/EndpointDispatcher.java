package org.filedock.connector.dispatch;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import org.filedock.api.CommandListener;
import org.filedock.api.Exchange;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/**
 * Delivers each command to the activated message-driven bean. An endpoint serves one command at
 * a time and is then kept for the next one: creating one builds two proxies in the container
 * (about a tenth of the server's time per small command), while using one takes an instance from
 * the bean pool per call anyway. The Connectors contract lets an adapter deliver many messages
 * through one endpoint before it releases it.
 */
public final class EndpointDispatcher implements CommandDispatcher, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EndpointDispatcher.class.getName());

    private final MessageEndpointFactory factory;
    /** Endpoints between two commands, the most recently used first. */
    private final ConcurrentLinkedDeque<MessageEndpoint> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    public EndpointDispatcher(MessageEndpointFactory factory) {
        this.factory = factory;
    }

    public MessageEndpointFactory factory() {
        return factory;
    }

    @Override
    public Reply dispatch(Request request, Exchange exchange) {
        MessageEndpoint endpoint = idle.pollFirst();
        if (endpoint == null) {
            try {
                endpoint = factory.createEndpoint(null);
            } catch (UnavailableException e) {
                LOG.log(Level.WARNING, "no endpoint for " + request.verb(), e);
                return Reply.error(ErrorCode.INTERNAL, "server not ready");
            }
        }
        boolean reusable = false;
        try {
            Reply reply = ((CommandListener) endpoint).onCommand(request, exchange);
            reusable = true;
            return reply;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "command " + request.verb() + " failed in the endpoint", e);
            return Reply.error(ErrorCode.INTERNAL, "internal error");
        } finally {
            giveBack(endpoint, reusable);
        }
    }

    /** Releases the endpoints kept for later; those in use are released when their command ends. */
    @Override
    public void close() {
        closed = true;
        MessageEndpoint endpoint;
        while ((endpoint = idle.pollFirst()) != null) {
            endpoint.release();
        }
    }

    private void giveBack(MessageEndpoint endpoint, boolean reusable) {
        if (!reusable || closed) {
            endpoint.release();
            return;
        }
        idle.offerFirst(endpoint);
        // closed meanwhile: whoever removes it releases it, exactly once
        if (closed && idle.remove(endpoint)) {
            endpoint.release();
        }
    }
}
