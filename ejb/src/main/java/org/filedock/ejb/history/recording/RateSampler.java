package org.filedock.ejb.history.recording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.filedock.api.history.RateSample;

/**
 * The rate series of one transfer, fed with (time, bytes so far) readings by a clock that ticks
 * every base interval, plus one final reading. A tick takes a sample when the current spacing has
 * passed since the previous sample (within half a base interval, so that a clock ticking at the
 * base interval is never skipped by jitter). When the series is full, every other sample is
 * dropped (the newest is kept) and the spacing doubles, so a long transfer keeps an even series of
 * at most {@code capacity} samples.
 * <p>
 * Invariants, after every change: a sample's rate is the bytes since the previous kept sample over
 * the time since it (the first one's since the start); its rolling average is the mean of the
 * rates of itself and the up to {@link #ROLLING_WINDOW}{@code - 1} samples before it.
 * <p>
 * Not thread-safe: the owner serializes the calls.
 */
final class RateSampler {

    static final int ROLLING_WINDOW = 60;
    /** Most transfers end within a few ticks: the arrays start small and grow up to the capacity. */
    private static final int INITIAL_LENGTH = 16;

    private final long startNanos;
    private final long baseIntervalNanos;
    private final int capacity;
    private long[] elapsedNanos;
    private long[] bytes;
    private double[] rates;
    private double[] averages;
    private int size;
    private long spacingNanos;
    private boolean finished;

    RateSampler(long startNanos, long baseIntervalNanos, int capacity) {
        if (baseIntervalNanos <= 0 || capacity < 2) {
            throw new IllegalArgumentException("interval " + baseIntervalNanos + " ns, capacity " + capacity);
        }
        this.startNanos = startNanos;
        this.baseIntervalNanos = baseIntervalNanos;
        this.capacity = capacity;
        this.spacingNanos = baseIntervalNanos;
        int length = Math.min(capacity, INITIAL_LENGTH);
        this.elapsedNanos = new long[length];
        this.bytes = new long[length];
        this.rates = new double[length];
        this.averages = new double[length];
    }

    /** A tick of the clock: takes a sample if one is due. Ignored once finished. */
    void tick(long nowNanos, long bytesSoFar) {
        long elapsed = nowNanos - startNanos;
        if (finished || !due(elapsed)) {
            return;
        }
        if (size == capacity) {
            thin();
            if (!due(elapsed)) {
                return;
            }
        }
        append(elapsed, bytesSoFar);
    }

    /** The final reading: always becomes the last sample. Later ticks and finishes are ignored. */
    void finish(long endNanos, long bytesSoFar) {
        if (finished) {
            return;
        }
        finished = true;
        long elapsed = Math.max(0, endNanos - startNanos);
        if (size > 0 && elapsed <= lastElapsed()) {
            size--; // a tick at the very same instant: the final reading replaces it
        }
        append(elapsed, bytesSoFar);
    }

    int size() {
        return size;
    }

    /** The rate of the latest sample; 0 before the first. */
    double latestRate() {
        return size == 0 ? 0 : rates[size - 1];
    }

    /** The highest sampled rate; 0 without samples. */
    double peakRate() {
        double peak = 0;
        for (int i = 0; i < size; i++) {
            peak = Math.max(peak, rates[i]);
        }
        return peak;
    }

    List<RateSample> samples() {
        List<RateSample> samples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            samples.add(new RateSample(elapsedNanos[i] / 1e9, bytes[i], rates[i], averages[i]));
        }
        return samples;
    }

    private boolean due(long elapsed) {
        return elapsed - lastElapsed() >= spacingNanos - baseIntervalNanos / 2;
    }

    private long lastElapsed() {
        return size == 0 ? 0 : elapsedNanos[size - 1];
    }

    private void append(long elapsed, long bytesSoFar) {
        if (size == capacity) {
            thin();
        } else if (size == elapsedNanos.length) {
            grow(Math.min(capacity, 2 * size));
        }
        int i = size++;
        elapsedNanos[i] = elapsed;
        bytes[i] = bytesSoFar;
        computeRateAndAverage(i);
    }

    private void grow(int length) {
        elapsedNanos = Arrays.copyOf(elapsedNanos, length);
        bytes = Arrays.copyOf(bytes, length);
        rates = Arrays.copyOf(rates, length);
        averages = Arrays.copyOf(averages, length);
    }

    /** Keeps every other sample, the newest included, and doubles the spacing. */
    private void thin() {
        int kept = 0;
        for (int i = (size - 1) % 2; i < size; i += 2) {
            elapsedNanos[kept] = elapsedNanos[i];
            bytes[kept] = bytes[i];
            kept++;
        }
        size = kept;
        for (int i = 0; i < size; i++) {
            computeRateAndAverage(i);
        }
        spacingNanos *= 2;
    }

    private void computeRateAndAverage(int i) {
        long previousNanos = i == 0 ? 0 : elapsedNanos[i - 1];
        long previousBytes = i == 0 ? 0 : bytes[i - 1];
        long interval = elapsedNanos[i] - previousNanos;
        rates[i] = interval <= 0 ? 0 : (bytes[i] - previousBytes) * 1e9 / interval;
        int from = Math.max(0, i - ROLLING_WINDOW + 1);
        double sum = 0;
        for (int j = from; j <= i; j++) {
            sum += rates[j];
        }
        averages[i] = sum / (i - from + 1);
    }
}
