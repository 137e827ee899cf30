package org.filedock.cli.progress;

import java.util.Locale;

/** Byte counts and rates for people: {@code 512 B}, {@code 1.5 MiB}, {@code 85.3 MiB/s}. */
public final class ByteCounts {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteCounts() {
    }

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    public static String rate(double bytesPerSecond) {
        return format((long) bytesPerSecond) + "/s";
    }
}
