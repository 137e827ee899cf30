package org.filedock.ejb.integrity;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Threads that hash a large upload's bytes beside the thread receiving them (contract §11's
 * {@code sha256=}), so that receiving and hashing overlap instead of taking turns. At most one
 * per core is lent out: with more large verified uploads at once than cores, the cores are
 * busy anyway, and the others hash on their receiving thread as before.
 */
@ApplicationScoped
public class HashingThreads {

    /** Below this size the hand-over costs more than it saves. */
    static final long PIPELINE_FROM = 8L << 20;

    @Resource
    ManagedExecutorService executor;

    private final Semaphore lent = new Semaphore(Runtime.getRuntime().availableProcessors());

    /** A hashing thread for an upload of {@code size} bytes, if it is large and one is free. */
    Optional<HashingPipeline> borrow(MessageDigest digest, long size) {
        if (executor == null || size < PIPELINE_FROM || !lent.tryAcquire()) {
            return Optional.empty();
        }
        try {
            HashingPipeline pipeline = new HashingPipeline(digest, lent::release);
            executor.execute(pipeline::hashUntilEnd);
            return Optional.of(pipeline);
        } catch (RuntimeException e) { // rejected: hash inline
            lent.release();
            return Optional.empty();
        }
    }
}
