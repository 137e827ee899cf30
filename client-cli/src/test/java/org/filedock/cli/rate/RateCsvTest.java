package org.filedock.cli.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateCsvTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 25, 21, 7, 5);

    @TempDir
    Path dir;

    @Test
    void headerThenOneRowPerSampleWithAPointForDecimals() throws IOException {
        Path file;
        try (RateCsv csv = RateCsv.create(dir, START, TransferDirection.UPLOAD, "report.pdf")) {
            csv.write(new RateSample(0.1, 1_048_576, 1_048_576));
            csv.write(new RateSample(0.2, 2_097_152.25, 1_572_864.125));
            file = csv.file();
        }
        assertEquals(dir.resolve("20261125-210705-upload-report.pdf.csv"), file);
        assertEquals(List.of("seconds,rate,rolling_average", "0.100,1048576.0,1048576.0", "0.200,2097152.3,1572864.1"),
                Files.readAllLines(file));
    }

    @Test
    void neverOverwritesALogOfTheSameSecond() throws IOException {
        try (RateCsv first = RateCsv.create(dir, START, TransferDirection.DOWNLOAD, "a.txt");
             RateCsv second = RateCsv.create(dir, START, TransferDirection.DOWNLOAD, "a.txt")) {
            assertEquals("20261125-210705-download-a.txt.csv", first.file().getFileName().toString());
            assertEquals("20261125-210705-download-a.txt-2.csv", second.file().getFileName().toString());
        }
    }

    @Test
    void namesAreMadeSafeForAnyFileSystem() {
        assertEquals("my_report__q3_.txt", RateCsv.safe("my report (q3).txt"));
        assertEquals("_hidden", RateCsv.safe(".hidden"));
        assertEquals("_", RateCsv.safe(""));
        assertEquals("caf_.txt", RateCsv.safe("café.txt"));
        assertEquals(100, RateCsv.safe("x".repeat(300)).length());
    }

    @Test
    void aMissingDirectoryIsAnError() {
        assertThrows(NoSuchFileException.class,
                () -> RateCsv.create(dir.resolve("absent"), START, TransferDirection.UPLOAD, "a"));
    }
}
