package org.filedock.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The server's log file ({@code standalone/log/server.log}), read from a mark onwards. */
final class ServerLog {

    private final Path file;
    private final long mark;

    private ServerLog(Path file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** Remembers where the log of the server Arquillian started ends now. */
    static ServerLog mark() throws IOException {
        return markFile(ItConfig.jbossHome().resolve("standalone/log/server.log"));
    }

    static ServerLog markFile(Path file) throws IOException {
        return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
    }

    /** What was logged since the mark. */
    String since() throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.min(mark, log.length());
            byte[] bytes = new byte[(int) (log.length() - start)];
            log.seek(start);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
