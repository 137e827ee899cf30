package org.filedock.cli.rate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A transfer's rate log: {@code <yyyyMMdd-HHmmss>-<direction>-<name>.csv} with the header
 * {@code seconds,rate,rolling_average}, one row per sample.
 */
public final class RateCsv implements Closeable {

    public static final String HEADER = "seconds,rate,rolling_average";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final int MAX_NAME = 100;

    private final Path file;
    private final BufferedWriter writer;

    private RateCsv(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Creates a new file in {@code directory}; never overwrites one (a second file of the same second gets {@code -2}). */
    public static RateCsv create(Path directory, LocalDateTime start, TransferDirection direction, String name)
            throws IOException {
        String base = STAMP.format(start) + "-" + direction.word() + "-" + safe(name);
        for (int attempt = 1; ; attempt++) {
            Path file = directory.resolve(base + (attempt == 1 ? "" : "-" + attempt) + ".csv");
            try {
                BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                RateCsv csv = new RateCsv(file, writer);
                csv.line(HEADER);
                return csv;
            } catch (FileAlreadyExistsException e) {
                // next suffix
            }
        }
    }

    public Path file() {
        return file;
    }

    public void write(RateSample sample) throws IOException {
        line(String.format(Locale.ROOT, "%.3f,%.1f,%.1f", sample.seconds(), sample.rate(), sample.rollingAverage()));
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private void line(String text) throws IOException {
        writer.write(text);
        writer.write('\n');
    }

    /** The remote name as a file name: letters, digits, dot, dash and underscore; the rest becomes {@code _}. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        if (cleaned.isEmpty()) {
            return "_";
        }
        return cleaned.length() > MAX_NAME ? cleaned.substring(0, MAX_NAME) : cleaned;
    }
}
