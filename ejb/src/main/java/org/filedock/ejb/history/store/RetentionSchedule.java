package org.filedock.ejb.history.store;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.filedock.ejb.audit.AuditConfig;
import org.filedock.ejb.history.HistoryConfig;
import org.filedock.ejb.singleton.ClusterSingleton;

/**
 * Applies the retention limits in the background: shortly after the start, then every
 * {@link #INTERVAL}. Transfers older than {@code filedock.history.max-age-days} go, then all but
 * the newest {@code filedock.history.max-transfers}; the audit trail's entries likewise, older than
 * the same age, then all but the newest {@code filedock.audit.max-entries}. A malformed setting
 * fails the deployment. In a cluster only the member elected by WildFly's HA singleton applies them
 * ({@link ClusterSingleton}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionSchedule {

    static final Duration FIRST_RUN = Duration.ofSeconds(5);
    static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final int BATCH = 200;
    // an entry is one small row; a transfer brings up to 2000 samples
    private static final int AUDIT_BATCH = 1000;
    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    RetentionCleaner cleaner;

    private HistoryConfig config;
    private AuditConfig audit;

    @PostConstruct
    void schedule() {
        config = HistoryConfig.fromSystemProperties();
        audit = AuditConfig.fromSystemProperties();
        timers.createIntervalTimer(FIRST_RUN.toMillis(), INTERVAL.toMillis(),
                new TimerConfig("filedock history retention", false));
    }

    @Timeout
    void apply() {
        if (!ClusterSingleton.runsHere()) {
            return; // another member of the cluster runs it
        }
        Instant cutoff = Instant.now().minus(Duration.ofDays(config.maxAgeDays()));
        apply("history", "transfers", config.maxTransfers(),
                () -> cleaner.deleteStartedBefore(cutoff, BATCH),
                () -> cleaner.deleteBeyondNewest(config.maxTransfers(), BATCH));
        apply("audit", "entries", audit.maxEntries(),
                () -> cleaner.deleteAuditBefore(cutoff, AUDIT_BATCH),
                () -> cleaner.deleteAuditBeyondNewest(audit.maxEntries(), AUDIT_BATCH));
    }

    /** Deletes what is too old, then what is beyond the newest {@code keep}, batch by batch; a failure waits for the next run. */
    private void apply(String trail, String rows, int keep, IntSupplier oldBatch, IntSupplier surplusBatch) {
        try {
            int old = repeat(oldBatch);
            int surplus = repeat(surplusBatch);
            if (old + surplus > 0) {
                LOG.info("FileDock " + trail + " retention deleted " + old + " " + rows + " older than "
                        + config.maxAgeDays() + " days and " + surplus + " beyond the newest " + keep);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "FileDock " + trail + " retention failed; next try in " + INTERVAL, e);
        }
    }

    private static int repeat(IntSupplier batch) {
        int total = 0;
        int n;
        do {
            n = batch.getAsInt();
            total += n;
        } while (n > 0);
        return total;
    }
}
