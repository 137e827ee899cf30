package org.filedock.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The figures a load test measured, with the date and the machine, written to a text file. */
final class LoadReport {

    private final List<String> lines = new ArrayList<>();

    LoadReport() throws IOException {
        lines.add("FileDock load test, " + Instant.now());
        lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), "
                + memTotal() + " RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", Java " + System.getProperty("java.version"));
    }

    void add(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        lines.add(line);
        System.out.println("LOAD " + line);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    private static String cpuModel() throws IOException {
        try (Stream<String> cpu = Files.lines(Path.of("/proc/cpuinfo"))) {
            return cpu.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown model");
        }
    }

    private static String memTotal() throws IOException {
        try (Stream<String> mem = Files.lines(Path.of("/proc/meminfo"))) {
            long kib = mem.filter(l -> l.startsWith("MemTotal:")).map(l -> l.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
            return String.format(Locale.ROOT, "%.1f GiB", kib / 1048576.0);
        }
    }
}
