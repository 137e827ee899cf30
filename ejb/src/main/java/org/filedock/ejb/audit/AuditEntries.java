package org.filedock.ejb.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.filedock.api.CommandException;
import org.filedock.api.SessionState;
import org.filedock.api.audit.AuditAction;
import org.filedock.api.audit.AuditEntry;
import org.filedock.ejb.path.PathResolver;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/**
 * What the audit trail records of one command, made from the request, the session after the
 * command and its final reply. Only the first argument of {@code LOGIN} is read (the user name
 * tried): the password never leaves the request.
 */
public final class AuditEntries {

    private AuditEntries() {
    }

    /** The entry for a recorded command, or empty for a command the trail does not record. */
    public static Optional<AuditEntry> of(Request request, SessionState session, Reply reply, Instant time) {
        AuditAction action = action(request.verb());
        if (action == null) {
            return Optional.empty();
        }
        List<String> args = request.args();
        String user = session.user().orElse(null);
        String path = null;
        String target = null;
        if (action == AuditAction.LOGIN) {
            if (user == null && !args.isEmpty()) {
                user = args.get(0);
            }
        } else {
            path = args.isEmpty() ? null : resolve(session.currentDirectory(), args.get(0));
            if (action == AuditAction.MOVE && args.size() > 1) {
                target = resolve(session.currentDirectory(), args.get(1));
            }
        }
        return Optional.of(new AuditEntry(time, user, session.clientAddress(), action, path, target, outcome(reply)));
    }

    /** {@code OK}, the error's code, or {@code DISCONNECTED}. */
    static String outcome(Reply reply) {
        if (reply == null || reply.isOk()) {
            return AuditEntry.OK; // a download's last word is its payload, not a reply
        }
        return reply.isError() ? reply.code() : Reply.Kind.DISCONNECTED.name();
    }

    /** The absolute path the argument names, or the argument as given when it names none. */
    public static String resolve(String currentDirectory, String argument) {
        try {
            return PathResolver.resolve(currentDirectory, argument).toString();
        } catch (CommandException e) {
            return argument;
        }
    }

    private static AuditAction action(String verb) {
        for (AuditAction action : AuditAction.values()) {
            if (action.name().equals(verb)) {
                return action;
            }
        }
        return null;
    }
}
