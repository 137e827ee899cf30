package org.filedock.cli.rate;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.filedock.cli.client.TransferListener;
import org.filedock.cli.progress.ByteCounts;

/** Times one transfer for its summary line: {@code 18.0 MiB in 0.42 s, 42.9 MiB/s}. */
public final class TransferMeter implements TransferListener {

    private final LongSupplier nanoClock;
    private long startNanos;
    private long endNanos;
    private long bytes;

    public TransferMeter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public void started(long totalBytes) {
        startNanos = nanoClock.getAsLong();
    }

    @Override
    public void progressed(long bytesDone) {
        bytes = bytesDone;
    }

    @Override
    public void finished(boolean completed) {
        endNanos = nanoClock.getAsLong();
    }

    public String summary() {
        long nanos = endNanos - startNanos;
        double seconds = nanos / 1e9;
        String time = String.format(Locale.ROOT, seconds < 0.1 ? "%.3f s" : "%.2f s", seconds);
        String rate = nanos > 0 ? ByteCounts.rate(bytes / seconds) : "rate too fast to measure";
        return ByteCounts.format(bytes) + " in " + time + ", " + rate;
    }
}
