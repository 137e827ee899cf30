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

import org.filedock.ejb.history.HistoryConfig;

/**
 * Applies the retention limits in the background: shortly after the start, then every
 * {@link #INTERVAL}. Transfers older than {@code filedock.history.max-age-days} go, then all but
 * the newest {@code filedock.history.max-transfers}. A malformed setting fails the deployment.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionSchedule {

    static final Duration FIRST_RUN = Duration.ofSeconds(5);
    static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    RetentionCleaner cleaner;

    private HistoryConfig config;

    @PostConstruct
    void schedule() {
        config = HistoryConfig.fromSystemProperties();
        timers.createIntervalTimer(FIRST_RUN.toMillis(), INTERVAL.toMillis(),
                new TimerConfig("filedock history retention", false));
    }

    @Timeout
    void apply() {
        try {
            Instant cutoff = Instant.now().minus(Duration.ofDays(config.maxAgeDays()));
            int old = repeat(() -> cleaner.deleteStartedBefore(cutoff, BATCH));
            int surplus = repeat(() -> cleaner.deleteBeyondNewest(config.maxTransfers(), BATCH));
            if (old + surplus > 0) {
                LOG.info("FileDock history retention deleted " + old + " transfers older than "
                        + config.maxAgeDays() + " days and " + surplus + " beyond the newest " + config.maxTransfers());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "FileDock history retention failed; next try in " + INTERVAL, e);
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
