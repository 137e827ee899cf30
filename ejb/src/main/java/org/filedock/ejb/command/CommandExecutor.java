package org.filedock.ejb.command;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.ejb.audit.AuditRecorder;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** Runs one request: finds its command, turns failures into error replies. */
@ApplicationScoped
public class CommandExecutor {

    private static final Logger LOG = Logger.getLogger(CommandExecutor.class.getName());

    @Inject
    CommandRegistry registry;

    @Inject
    AuditRecorder audit;

    public Reply execute(Request request, Exchange exchange) {
        return audit.record(request, exchange.session(), run(request, exchange));
    }

    private Reply run(Request request, Exchange exchange) {
        if (!CompleteCommand.NAME.equals(request.verb())) {
            // a download's COMPLETE is only expected as the very next line
            exchange.session().awaitDownloadAck(false);
        }
        Command command = registry.find(request.verb()).orElse(null);
        if (command == null) {
            return Reply.error(ErrorCode.UNKNOWN_COMMAND, "Unknown command");
        }
        try {
            return command.execute(request, exchange);
        } catch (CommandException e) {
            return e.toReply();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, request.verb() + " failed for " + exchange.session(), e);
            return Reply.error(ErrorCode.INTERNAL, "internal error");
        }
    }
}
