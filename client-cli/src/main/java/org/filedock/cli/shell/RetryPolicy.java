package org.filedock.cli.shell;

import java.time.Duration;

/**
 * How a {@code --resume} transfer is taken up again after its connection dropped: at most
 * {@code retries} times, waiting {@code firstDelay} before the first try and twice as long before
 * each next one (1, 2, 4 s by default).
 */
public record RetryPolicy(int retries, Duration firstDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1));

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        if (firstDelay.isNegative()) {
            throw new IllegalArgumentException("the delay must not be negative");
        }
    }

    /** The wait before retry number {@code attempt} (1 for the first). */
    public Duration delayBefore(int attempt) {
        return firstDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
