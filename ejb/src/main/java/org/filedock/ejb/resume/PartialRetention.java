package org.filedock.ejb.resume;

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

/**
 * Deletes expired partials ({@code filedock.resume.retention}): at the start, then every
 * {@link ResumeConfig#sweepInterval()}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PartialRetention {

    private static final Logger LOG = Logger.getLogger(PartialRetention.class.getName());

    @Resource
    TimerService timers;

    @Inject
    PartialStore partials;

    @Inject
    ResumeConfig config;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(0, config.sweepInterval().toMillis(),
                new TimerConfig("filedock resumable upload retention", false));
    }

    @Timeout
    void sweep() {
        try {
            int deleted = partials.sweepExpired();
            if (deleted > 0) {
                LOG.info("deleted " + deleted + " resumable upload(s) idle for longer than " + config.retention());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the sweep of resumable uploads failed; next try in " + config.sweepInterval(), e);
        }
    }
}
