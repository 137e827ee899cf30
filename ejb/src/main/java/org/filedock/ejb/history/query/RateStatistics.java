package org.filedock.ejb.history.query;

import java.util.Arrays;

/** Mean, median and 95th percentile (nearest rank) of a set of rates; all 0 when it is empty. */
record RateStatistics(double mean, double median, double p95) {

    static RateStatistics of(double[] rates) {
        if (rates.length == 0) {
            return new RateStatistics(0, 0, 0);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double mean = Arrays.stream(sorted).sum() / n;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double p95 = sorted[(int) Math.ceil(0.95 * n) - 1];
        return new RateStatistics(mean, median, p95);
    }
}
