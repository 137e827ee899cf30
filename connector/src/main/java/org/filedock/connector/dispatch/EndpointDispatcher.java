package org.filedock.connector.dispatch;

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

/** Delivers each command to the activated message-driven bean: one endpoint per command. */
public final class EndpointDispatcher implements CommandDispatcher {

    private static final Logger LOG = Logger.getLogger(EndpointDispatcher.class.getName());

    private final MessageEndpointFactory factory;

    public EndpointDispatcher(MessageEndpointFactory factory) {
        this.factory = factory;
    }

    public MessageEndpointFactory factory() {
        return factory;
    }

    @Override
    public Reply dispatch(Request request, Exchange exchange) {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            LOG.log(Level.WARNING, "no endpoint for " + request.verb(), e);
            return Reply.error(ErrorCode.INTERNAL, "server not ready");
        }
        try {
            return ((CommandListener) endpoint).onCommand(request, exchange);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "command " + request.verb() + " failed in the endpoint", e);
            return Reply.error(ErrorCode.INTERNAL, "internal error");
        } finally {
            endpoint.release();
        }
    }
}
