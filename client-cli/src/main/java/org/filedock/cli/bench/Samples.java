package org.filedock.cli.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated measurements of one thing, in seconds; reported by their median. */
final class Samples {

    private final List<Double> seconds = new ArrayList<>();

    void add(long nanos) {
        seconds.add(nanos / 1e9);
    }

    boolean isEmpty() {
        return seconds.isEmpty();
    }

    double medianSeconds() {
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    int count() {
        return seconds.size();
    }
}
