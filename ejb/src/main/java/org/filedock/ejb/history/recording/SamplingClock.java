package org.filedock.ejb.history.recording;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

/**
 * Ticks the {@link TransferRecorder} at the sampling interval on the container's scheduled
 * executor, so sampling never runs on a transfer's thread.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SamplingClock {

    private static final Logger LOG = Logger.getLogger(SamplingClock.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    TransferRecorder recorder;

    private ScheduledFuture<?> ticking;

    @PostConstruct
    void start() {
        if (!recorder.enabled()) {
            LOG.info("FileDock transfer history is disabled");
            return;
        }
        long period = TransferRecorder.SAMPLING_INTERVAL.toNanos();
        ticking = scheduler.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        try {
            recorder.tick();
        } catch (RuntimeException e) {
            // an exception would cancel every later tick
            LOG.log(Level.SEVERE, "sampling the transfers failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }
}
