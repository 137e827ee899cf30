package org.filedock.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The operating system's view of a WildFly process started by these tests (Arquillian starts
 * it as a child of the test JVM): its limits and its memory, read from {@code /proc}.
 */
final class ServerProcess {

    private final ProcessHandle handle;

    private ServerProcess(ProcessHandle handle) {
        this.handle = handle;
    }

    /** The server process running from {@code jbossHome} below this JVM. */
    static ServerProcess childRunning(Path jbossHome) {
        String marker = "-Djboss.home.dir=" + jbossHome;
        return new ServerProcess(ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar") && c.contains(marker))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no WildFly process from " + jbossHome + " below this JVM")));
    }

    /** The server Arquillian started for this run. */
    static ServerProcess arquillians() {
        return childRunning(ItConfig.jbossHome());
    }

    ProcessHandle handle() {
        return handle;
    }

    long pid() {
        return handle.pid();
    }

    /** The soft limit on open files. */
    long maxOpenFiles() throws IOException {
        try (Stream<String> lines = Files.lines(proc("limits"))) {
            String line = lines.filter(l -> l.startsWith("Max open files")).findFirst().orElseThrow();
            return Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
        }
    }

    long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(proc("fd"))) {
            return fds.count();
        }
    }

    /** The peak resident memory (VmHWM), in KiB. */
    long peakResidentKib() throws IOException {
        return statusKib("VmHWM");
    }

    long residentKib() throws IOException {
        return statusKib("VmRSS");
    }

    long threads() throws IOException {
        return status("Threads");
    }

    private long statusKib(String field) throws IOException {
        return status(field);
    }

    private long status(String field) throws IOException {
        try (Stream<String> lines = Files.lines(proc("status"))) {
            String line = lines.filter(l -> l.startsWith(field + ":")).findFirst().orElseThrow();
            return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
        }
    }

    private Path proc(String name) {
        return Path.of("/proc", Long.toString(handle.pid()), name);
    }
}
