package org.filedock.cli.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Samples on a synthetic clock: nanoseconds are given, never read from the machine. */
class RateSeriesTest {

    private static final long START = 5_000_000_000L;
    private static final long TENTH = 100_000_000L;

    @Test
    void rateIsTheBytesOfTheIntervalOverItsLength() {
        RateSeries series = new RateSeries(START);
        RateSample first = series.next(START + TENTH, 100_000).orElseThrow();
        assertEquals(0.1, first.seconds(), 1e-12);
        assertEquals(1_000_000.0, first.rate(), 1e-6);
        assertEquals(1_000_000.0, first.rollingAverage(), 1e-6);

        RateSample second = series.next(START + 3 * TENTH, 700_000).orElseThrow();
        assertEquals(0.3, second.seconds(), 1e-12);
        assertEquals(3_000_000.0, second.rate(), 1e-6);
        assertEquals(2_000_000.0, second.rollingAverage(), 1e-6);
    }

    @Test
    void rollingAverageCoversTheLastSixtySamples() {
        RateSeries series = new RateSeries(START);
        long bytes = 0;
        RateSample last = null;
        // 60 intervals at 1 MB/s, then 60 at 3 MB/s: the average has forgotten the first ones
        for (int i = 1; i <= 120; i++) {
            bytes += i <= 60 ? 100_000 : 300_000;
            last = series.next(START + i * TENTH, bytes).orElseThrow();
            if (i == 90) {
                assertEquals(2_000_000.0, last.rollingAverage(), 1e-6);
            }
        }
        assertEquals(3_000_000.0, last.rate(), 1e-6);
        assertEquals(3_000_000.0, last.rollingAverage(), 1e-6);
        assertEquals(12.0, last.seconds(), 1e-9);
    }

    @Test
    void aStalledIntervalHasRateZero() {
        RateSeries series = new RateSeries(START);
        series.next(START + TENTH, 50_000);
        RateSample stalled = series.next(START + 2 * TENTH, 50_000).orElseThrow();
        assertEquals(0.0, stalled.rate());
        assertEquals(250_000.0, stalled.rollingAverage(), 1e-6);
    }

    @Test
    void noSampleWhenNoTimeHasPassed() {
        RateSeries series = new RateSeries(START);
        assertTrue(series.next(START, 10).isEmpty());
        series.next(START + TENTH, 10);
        assertTrue(series.next(START + TENTH, 20).isEmpty());
    }
}
