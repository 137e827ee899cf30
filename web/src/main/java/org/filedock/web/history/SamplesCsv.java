package org.filedock.web.history;

import java.util.List;
import java.util.Locale;

import org.filedock.api.history.RateSample;

/**
 * A rate series as the report's file: seconds since the start, bytes per second, and the 60-point
 * rolling average, one sample a line under a header.
 */
final class SamplesCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "seconds,rate,rolling_average";

    private SamplesCsv() {
    }

    static String format(List<RateSample> samples) {
        StringBuilder csv = new StringBuilder(HEADER.length() + 1 + samples.size() * 32);
        csv.append(HEADER).append('\n');
        for (RateSample s : samples) {
            csv.append(String.format(Locale.ROOT, "%.3f,%.1f,%.1f\n", s.seconds(), s.rate(), s.rollingAverage()));
        }
        return csv.toString();
    }
}
