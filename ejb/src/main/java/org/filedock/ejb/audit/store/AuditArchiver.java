package org.filedock.ejb.audit.store;

import java.time.Duration;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.filedock.api.audit.AuditEntry;
import org.filedock.ejb.history.store.DrainQueue;

/**
 * Stores the audit entries as the transfer history stores transfers: the command's thread only
 * queues, a {@link DrainQueue} writes in batches once the commands pause for {@link #QUIET} (at
 * the latest after {@link #LONGEST}). What is queued when the application stops is written then.
 */
@ApplicationScoped
public class AuditArchiver {

    static final int MAX_BATCH = 200;
    static final Duration QUIET = Duration.ofMillis(20);
    static final Duration LONGEST = Duration.ofSeconds(1);

    @Inject
    AuditWriter writer;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private DrainQueue<AuditEntry, AuditEntry> queue;

    @PostConstruct
    void init() {
        queue = new DrainQueue<>(scheduler, QUIET, LONGEST, MAX_BATCH, Function.identity(),
                DrainQueue.Sink.<AuditEntry>of(writer::saveAll, writer::save, entry -> "the audit entry " + entry));
    }

    /** On the command's thread: a queue insertion. */
    void archive(@Observes AuditEntry entry) {
        queue.add(entry);
    }

    @PreDestroy
    void writeWhatIsLeft() {
        queue.drain();
    }
}
