package org.filedock.cli.rate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.filedock.cli.client.TransferListener;

/**
 * Writes one transfer's rate log while it runs. The transfer thread only stores the byte count;
 * a ticker samples it every {@link #PERIOD} and writes the rows, and one last row is written at
 * the end, so even a transfer shorter than a period gets a row.
 */
public final class RateLogRecorder implements TransferListener {

    public static final Duration PERIOD = Duration.ofMillis(100);

    private final Path directory;
    private final TransferDirection direction;
    private final String name;
    private final Clock wallClock;
    private final LongSupplier nanoClock;
    private final Ticker ticker;
    private volatile long bytesSoFar;
    private RateSeries series;
    private RateCsv csv;
    private Ticker.Ticking ticking;
    private Path file;
    private IOException failure;

    public RateLogRecorder(Path directory, TransferDirection direction, String name, Clock wallClock,
                           LongSupplier nanoClock, Ticker ticker) {
        this.directory = directory;
        this.direction = direction;
        this.name = name;
        this.wallClock = wallClock;
        this.nanoClock = nanoClock;
        this.ticker = ticker;
    }

    public static RateLogRecorder withSystemClocks(Path directory, TransferDirection direction, String name) {
        return new RateLogRecorder(directory, direction, name, Clock.systemDefaultZone(), System::nanoTime,
                new ThreadTicker());
    }

    @Override
    public void started(long totalBytes) {
        // the clock starts before the file is created, so creating it does not shift the samples
        long startNanos = nanoClock.getAsLong();
        try {
            csv = RateCsv.create(directory, LocalDateTime.now(wallClock), direction, name);
            file = csv.file();
        } catch (IOException e) {
            failure = e;
            return;
        }
        series = new RateSeries(startNanos);
        ticking = ticker.start(PERIOD, this::sample);
    }

    @Override
    public void progressed(long bytesDone) {
        bytesSoFar = bytesDone;
    }

    @Override
    public void finished(boolean completed) {
        if (csv == null) {
            return;
        }
        ticking.stop();
        sample();
        try {
            csv.close();
        } catch (IOException e) {
            fail(e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** The log file, once the transfer has started and the file could be created. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Why the log is missing or incomplete, if it is. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    // Runs on the ticker's thread, then once on the transfer's thread after the ticker has stopped.
    private synchronized void sample() {
        if (failure != null) {
            return;
        }
        Optional<RateSample> sample = series.next(nanoClock.getAsLong(), bytesSoFar);
        if (sample.isPresent()) {
            try {
                csv.write(sample.get());
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    private synchronized void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }
}
