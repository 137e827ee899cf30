package org.filedock.cli.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.filedock.cli.client.TransferListener;

/**
 * Progress for logs and pipes: a line when a transfer passes a quarter mark, but only once it
 * has run for a second and a second after the previous line, so quick transfers print nothing
 * and long ones at most four lines.
 */
final class PlainProgressLines implements TransferListener {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long NEVER = Long.MIN_VALUE;
    private static final int STEPS = 4;

    private final String label;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private long total;
    private long startNanos;
    private long done;
    private int nextStep;
    private long lastLineNanos = NEVER;

    PlainProgressLines(String label, PrintStream out, LongSupplier nanoClock) {
        this.label = label;
        this.out = out;
        this.nanoClock = nanoClock;
    }

    @Override
    public void started(long totalBytes) {
        total = totalBytes;
        startNanos = nanoClock.getAsLong();
        lastLineNanos = NEVER;
        nextStep = 1;
    }

    @Override
    public void progressed(long bytesDone) {
        done = bytesDone;
        if (total == 0) {
            return;
        }
        int step = (int) ((double) bytesDone / total * STEPS);
        long now = nanoClock.getAsLong();
        boolean quietEnough = now - startNanos >= QUIET_NANOS
                && (lastLineNanos == NEVER || now - lastLineNanos >= QUIET_NANOS);
        if (step >= nextStep && step < STEPS && quietEnough) {
            nextStep = step + 1;
            lastLineNanos = now;
            long percent = Math.round((double) bytesDone * 100 / total);
            out.printf(Locale.ROOT, "%s: %d%% (%s of %s, %s, about %d s left)%n", label, percent,
                    ByteCounts.format(bytesDone), ByteCounts.format(total), ByteCounts.rate(rate()), secondsLeft());
        }
    }

    @Override
    public void finished(boolean completed) {
        if (lastLineNanos == NEVER) {
            return;
        }
        if (completed) {
            out.printf(Locale.ROOT, "%s: 100%% (%s in %.1f s, %s)%n", label, ByteCounts.format(total),
                    elapsedNanos() / 1e9, ByteCounts.rate(rate()));
        } else {
            out.printf(Locale.ROOT, "%s: stopped after %s of %s%n", label, ByteCounts.format(done), ByteCounts.format(total));
        }
    }

    private long elapsedNanos() {
        return nanoClock.getAsLong() - startNanos;
    }

    private double rate() {
        long nanos = Math.max(1, elapsedNanos());
        return done * 1e9 / nanos;
    }

    private long secondsLeft() {
        double rate = rate();
        return rate <= 0 ? 0 : Math.round((total - done) / rate);
    }
}
