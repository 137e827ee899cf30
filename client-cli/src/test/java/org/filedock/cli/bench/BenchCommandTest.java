package org.filedock.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's plumbing end to end, pointed at the bare baseline server (no timing asserted). */
class BenchCommandTest {

    @TempDir
    Path temp;

    @Test
    void runsEveryMeasurementAndLeavesNothingBehind() throws Exception {
        Path serverRoot = Files.createDirectory(temp.resolve("server"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BareServer server = new BareServer(serverRoot)) {
            int exit = new CommandLine(new BenchCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                    .execute("-p", String.valueOf(server.port()), "--sizes", "64K,1M", "--repeat", "2",
                            "--loops", "3", "--clients", "3", "--client-size", "8K", "--raw",
                            "--raw-dir", temp.toString(), "--local-dir", temp.toString(), "--prime-memory");
            assertEquals(0, exit, bytes.toString(StandardCharsets.UTF_8));
        }
        String report = bytes.toString(StandardCharsets.UTF_8);
        for (String row : new String[] {"upload 64 KiB", "download 64 KiB", "upload 1 MiB", "download 1 MiB",
                "3 x (MKDIR+DIR+RMDIR), 1 conn", "3 x 8 KiB uploads at once"}) {
            assertTrue(report.lines().anyMatch(l -> l.startsWith(row) && l.contains("%")), row + " in\n" + report);
        }
        try (var left = Files.list(serverRoot)) {
            assertEquals(0, left.count(), "the benchmark removes what it created");
        }
        try (var left = Files.list(temp)) {
            assertEquals(1, left.count(), "only the server root is left in the temp directory");
        }
    }

    @Test
    void sizesReadLikePeopleWriteThem() {
        assertEquals(512, ByteSize.parse("512"));
        assertEquals(64L << 10, ByteSize.parse("64K"));
        assertEquals(64L << 20, ByteSize.parse("64m"));
        assertEquals(1L << 30, ByteSize.parse("1GB"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("1.5G"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("G"));
        assertEquals("64 MiB", ByteSize.format(64L << 20));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        Samples samples = new Samples();
        samples.add(3_000_000_000L);
        samples.add(1_000_000_000L);
        samples.add(2_000_000_000L);
        assertEquals(2.0, samples.medianSeconds(), 1e-9);
        samples.add(10_000_000_000L);
        assertEquals(2.5, samples.medianSeconds(), 1e-9);
    }
}
