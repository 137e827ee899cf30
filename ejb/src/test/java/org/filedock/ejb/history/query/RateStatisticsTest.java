package org.filedock.ejb.history.query;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateStatisticsTest {

    @Test
    void noRatesGiveZeros() {
        assertEquals(new RateStatistics(0, 0, 0), RateStatistics.of(new double[0]));
    }

    @Test
    void oddAndEvenCounts() {
        assertEquals(new RateStatistics(4, 3, 10), RateStatistics.of(new double[] {10, 2, 1, 3, 4}));
        assertEquals(new RateStatistics(2.5, 2.5, 4), RateStatistics.of(new double[] {4, 1, 3, 2}));
    }

    @Test
    void theNinetyFifthPercentileIsTheNearestRank() {
        double[] rates = new double[100];
        for (int i = 0; i < 100; i++) {
            rates[i] = 100 - i; // 1..100, unsorted
        }
        RateStatistics stats = RateStatistics.of(rates);
        assertEquals(95, stats.p95());
        assertEquals(50.5, stats.median());
        assertEquals(50.5, stats.mean());
        assertEquals(19, RateStatistics.of(IntStream.rangeClosed(1, 20).asDoubleStream().toArray()).p95());
    }
}
