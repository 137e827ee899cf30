package org.filedock.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainProgressLinesTest {

    private static final long SECOND = 1_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long now;
    private final PlainProgressLines lines = new PlainProgressLines("upload a.bin",
            new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> now);

    @Test
    void aQuickTransferPrintsNothing() {
        lines.started(1000);
        for (int done = 100; done <= 1000; done += 100) {
            now += SECOND / 100;
            lines.progressed(done);
        }
        lines.finished(true);
        assertEquals(List.of(), printed());
    }

    @Test
    void aSlowTransferPrintsAtMostOneLinePerQuarterAndASummary() {
        lines.started(4 * 1024 * 1024);
        for (int step = 1; step <= 16; step++) {
            now += SECOND / 2;
            lines.progressed(step * 256 * 1024L);
        }
        lines.finished(true);
        assertEquals(List.of(
                "upload a.bin: 25% (1.0 MiB of 4.0 MiB, 512.0 KiB/s, about 6 s left)",
                "upload a.bin: 50% (2.0 MiB of 4.0 MiB, 512.0 KiB/s, about 4 s left)",
                "upload a.bin: 75% (3.0 MiB of 4.0 MiB, 512.0 KiB/s, about 2 s left)",
                "upload a.bin: 100% (4.0 MiB in 8.0 s, 512.0 KiB/s)"), printed());
    }

    @Test
    void anInterruptedTransferSaysWhereItStopped() {
        lines.started(4000);
        now += 2 * SECOND;
        lines.progressed(1500);
        lines.finished(false);
        assertEquals(List.of(
                "upload a.bin: 38% (1.5 KiB of 3.9 KiB, 750 B/s, about 3 s left)",
                "upload a.bin: stopped after 1.5 KiB of 3.9 KiB"), printed());
    }

    private List<String> printed() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
