package org.filedock.cli.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder on a synthetic clock and a ticker the test drives by hand. */
class RateLogRecorderTest {

    private static final long TENTH = 100_000_000L;
    private static final Clock WALL = Clock.fixed(Instant.parse("2026-11-25T21:07:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private long now = 1_000_000_000L;
    private final ManualTicker ticker = new ManualTicker();

    private RateLogRecorder recorder(Path directory) {
        return new RateLogRecorder(directory, TransferDirection.UPLOAD, "big file.bin", WALL, () -> now, ticker);
    }

    @Test
    void samplesOnEachTickAndOnceMoreAtTheEnd() throws IOException {
        RateLogRecorder recorder = recorder(dir);
        recorder.started(1_000_000);
        assertEquals(RateLogRecorder.PERIOD, ticker.period);
        recorder.progressed(50_000);
        recorder.progressed(100_000);
        now += TENTH;
        ticker.tick();
        recorder.progressed(400_000);
        now += TENTH;
        ticker.tick();
        recorder.progressed(1_000_000);
        now += TENTH / 2;
        recorder.finished(true);

        assertTrue(ticker.stopped);
        Path file = dir.resolve("20261125-210705-upload-big_file.bin.csv");
        assertEquals(file, recorder.file().orElseThrow());
        assertTrue(recorder.failure().isEmpty());
        assertEquals(List.of("seconds,rate,rolling_average",
                "0.100,1000000.0,1000000.0",
                "0.200,3000000.0,2000000.0",
                "0.250,12000000.0,5333333.3"), Files.readAllLines(file));
    }

    @Test
    void aTransferShorterThanAPeriodStillGetsItsRow() throws IOException {
        RateLogRecorder recorder = recorder(dir);
        recorder.started(1000);
        recorder.progressed(1000);
        now += 2_000_000;
        recorder.finished(true);
        assertEquals(List.of("seconds,rate,rolling_average", "0.002,500000.0,500000.0"),
                Files.readAllLines(recorder.file().orElseThrow()));
    }

    @Test
    void aBrokenTransferKeepsTheRowsSoFar() throws IOException {
        RateLogRecorder recorder = recorder(dir);
        recorder.started(1_000_000);
        recorder.progressed(100_000);
        now += TENTH;
        ticker.tick();
        now += TENTH;
        recorder.finished(false);
        assertEquals(List.of("seconds,rate,rolling_average", "0.100,1000000.0,1000000.0", "0.200,0.0,500000.0"),
                Files.readAllLines(recorder.file().orElseThrow()));
    }

    @Test
    void aDirectoryThatIsGoneIsReportedAndNothingIsSampled() {
        RateLogRecorder recorder = recorder(dir.resolve("gone"));
        recorder.started(10);
        recorder.progressed(10);
        recorder.finished(true);
        assertTrue(recorder.failure().isPresent());
        assertTrue(recorder.file().isEmpty());
        assertFalse(ticker.started);
    }

    private static final class ManualTicker implements Ticker {
        Duration period;
        Runnable task;
        boolean started;
        boolean stopped;

        @Override
        public Ticking start(Duration every, Runnable tick) {
            period = every;
            task = tick;
            started = true;
            return () -> stopped = true;
        }

        void tick() {
            if (!stopped) {
                task.run();
            }
        }
    }
}
