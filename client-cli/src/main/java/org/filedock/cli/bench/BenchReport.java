package org.filedock.cli.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the measurements as a plain table. */
final class BenchReport {

    private BenchReport() {
    }

    /** One column per target; with two, the ratio of the first to the second (the baseline). */
    static void print(PrintStream out, List<Measurement> rows, List<Target> targets, int repeats) {
        boolean withRaw = targets.size() > 1;
        out.printf(Locale.ROOT, "%-38s %14s%s%n", "measurement (median of " + repeats + ")", targets.get(0).name(),
                withRaw ? String.format(Locale.ROOT, " %14s %8s", targets.get(1).name(), "ratio") : "");
        for (Measurement m : rows) {
            String value = format(m.filedock(), m.unit());
            String raw = "";
            if (withRaw) {
                String rawValue = m.raw() == null ? "-" : format(m.raw(), m.unit());
                String ratio = m.ratio() == null ? "-" : String.format(Locale.ROOT, "%.0f %%", m.ratio() * 100);
                raw = String.format(Locale.ROOT, " %14s %8s", rawValue, ratio);
            }
            out.printf(Locale.ROOT, "%-38s %14s%s%n", m.name(), value, raw);
        }
    }

    private static String format(double value, String unit) {
        return String.format(Locale.ROOT, "s".equals(unit) ? "%,.3f %s" : "%,.1f %s", value, unit);
    }
}
