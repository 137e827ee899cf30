package org.filedock.ejb.command;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.filedock.api.AuthMode;
import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.api.FileDockConfig;
import org.filedock.ejb.account.SecurityRealmAccess;
import org.filedock.ejb.account.SessionAccount;
import org.filedock.ejb.audit.AuditRecorder;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;
import org.wildfly.security.auth.server.SecurityIdentity;

/**
 * Runs one request: finds its command, keeps a session that has not logged in to {@code LOGIN}
 * and {@code DISCONNECT} when accounts are required, runs the command as the session's user (or,
 * without accounts, as the shared identity), and turns failures into error replies.
 */
@Dependent
public class CommandExecutor {

    private static final Logger LOG = Logger.getLogger(CommandExecutor.class.getName());
    /** What a session may send before it has logged in. */
    private static final Set<String> BEFORE_LOGIN = Set.of(LoginCommand.NAME, DisconnectCommand.NAME);

    @Inject
    CommandRegistry registry;

    @Inject
    FileDockConfig config;

    @Inject
    SecurityRealmAccess realm;

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
        boolean accounts = config.auth() == AuthMode.REQUIRED;
        boolean beforeLogin = BEFORE_LOGIN.contains(request.verb());
        if (accounts && !beforeLogin && exchange.session().user().isEmpty()) {
            // unknown words too: a stranger learns nothing about the commands
            return Reply.error(ErrorCode.AUTH_REQUIRED, "login first");
        }
        Command command = registry.find(request.verb()).orElse(null);
        if (command == null) {
            return Reply.error(ErrorCode.UNKNOWN_COMMAND, "Unknown command");
        }
        try {
            if (beforeLogin) {
                return command.execute(request, exchange); // touch no file, need no role
            }
            SecurityIdentity identity = accounts ? SessionAccount.of(exchange.session()).identity()
                    : realm.sharedIdentity();
            if (identity == null) {
                return command.execute(request, exchange);
            }
            return identity.runAsFunctionEx(command::execute, request, exchange);
        } catch (CommandException e) {
            return e.toReply();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, request.verb() + " failed for " + exchange.session(), e);
            return Reply.error(ErrorCode.INTERNAL, "internal error");
        }
    }
}
