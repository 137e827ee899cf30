package org.filedock.cli.rate;

import java.util.Optional;

/**
 * Turns readings of "bytes so far" at given instants into rate samples, as the original client
 * did: the rate over each interval and its rolling average over the last {@value #WINDOW} samples.
 */
public final class RateSeries {

    public static final int WINDOW = 60;

    private final long startNanos;
    private final RollingAverage average = new RollingAverage(WINDOW);
    private long lastNanos;
    private long lastBytes;

    public RateSeries(long startNanos) {
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    /** The sample for the interval since the previous one; empty when no time has passed. */
    public Optional<RateSample> next(long nowNanos, long bytesSoFar) {
        long interval = nowNanos - lastNanos;
        if (interval <= 0) {
            return Optional.empty();
        }
        double rate = (bytesSoFar - lastBytes) * 1e9 / interval;
        lastNanos = nowNanos;
        lastBytes = bytesSoFar;
        return Optional.of(new RateSample((nowNanos - startNanos) / 1e9, rate, average.add(rate)));
    }
}
