package org.filedock.ejb.mdb;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.filedock.api.CommandListener;
import org.filedock.api.Exchange;
import org.filedock.ejb.command.CommandExecutor;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;
import org.jboss.ejb3.annotation.ResourceAdapter;

/**
 * The adapter's inbound endpoint: receives one call per protocol command. Transactions are off
 * because a command may stream a file for longer than any transaction timeout.
 */
@MessageDriven(messageListenerInterface = CommandListener.class)
@ResourceAdapter("filedock.ear#filedock-connector.rar")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandEndpointBean implements CommandListener {

    @Inject
    CommandExecutor executor;

    @Override
    public Reply onCommand(Request request, Exchange exchange) {
        return executor.execute(request, exchange);
    }
}
