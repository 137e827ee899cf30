package org.filedock.ejb.share.purge;

import java.time.Clock;
import java.time.Instant;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.filedock.ejb.history.store.HistoryUnit;
import org.filedock.ejb.share.store.ShareEntity;

/**
 * Deletes share links that expired more than {@link PurgeConfig#grace()} ago, at the start and then
 * every {@link PurgeConfig#interval()}. One bulk {@code DELETE ... WHERE expires_at < cutoff}: doing
 * it twice, or on every node of a cluster at once, deletes each link once and nothing else, so no
 * node needs to be the one that purges (a non-persistent timer on each).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExpiredLinksPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredLinksPurge.class.getName());

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = HistoryUnit.NAME)
    EntityManager em;

    private final PurgeConfig config = PurgeConfig.fromSystemProperties();
    private final Clock clock = Clock.systemUTC();

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(0, config.interval().toMillis(), new TimerConfig("filedock share link purge", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void purge() {
        Instant cutoff = clock.instant().minus(config.grace());
        try {
            int deleted = em.createNamedQuery(ShareEntity.PURGE_EXPIRED_BEFORE).setParameter("cutoff", cutoff).executeUpdate();
            if (deleted > 0) {
                LOG.info("deleted " + deleted + " share link(s) expired before " + cutoff);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the purge of expired share links failed; next try in " + config.interval(), e);
        }
    }
}
