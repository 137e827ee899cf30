package org.filedock.ejb.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.filedock.api.CommandException;
import org.filedock.api.SessionState;
import org.filedock.api.audit.AuditAction;
import org.filedock.api.audit.AuditEntry;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/**
 * Records the commands of the audit trail ({@link AuditEntries}) after they ran. On the command's
 * thread it only makes the entry and fires it as an event, whose observer queues it (the store
 * writes in batches off the thread); a failure here is logged and never changes the reply.
 */
@ApplicationScoped
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());

    @Inject
    Event<AuditEntry> recorded;

    private boolean enabled;
    private Clock clock;

    @PostConstruct
    void init() {
        enabled = AuditConfig.fromSystemProperties().enabled();
        clock = Clock.systemUTC();
    }

    /** Records the command if the trail records it; returns the reply unchanged. */
    public Reply record(Request request, SessionState session, Reply reply) {
        if (enabled) {
            try {
                AuditEntries.of(request, session, reply, clock.instant().truncatedTo(ChronoUnit.MICROS))
                        .ifPresent(recorded::fire);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "could not record " + request.verb() + " of " + session + " in the audit trail", e);
            }
        }
        return reply;
    }

    /**
     * Records an operation that came through another door than a socket command (HTTP, a share
     * link), as the socket's command of that name is recorded.
     *
     * @param path the path as the caller gave it (absolute in the caller's area)
     * @param target a MOVE's target directory, or a marker such as the share link's; null for none
     * @param failure the refusal, null when it succeeded
     */
    public void record(AuditAction action, SessionState session, String path, String target, CommandException failure) {
        record(action, session, path, target, failure == null ? AuditEntry.OK : failure.code().name());
    }

    /** As above, with the outcome of the socket command's final reply (an upload's). */
    public void record(AuditAction action, SessionState session, String path, String target, Reply reply) {
        record(action, session, path, target, AuditEntries.outcome(reply));
    }

    private void record(AuditAction action, SessionState session, String path, String target, String outcome) {
        if (!enabled) {
            return;
        }
        try {
            recorded.fire(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MICROS), session.user().orElse(null),
                    session.clientAddress(), action, AuditEntries.resolve("/", path), target, outcome));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not record " + action + " of " + session + " in the audit trail", e);
        }
    }
}
