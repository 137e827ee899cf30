package org.filedock.cli.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The servers whose certificates the user accepted, one line each: {@code host:port SHA256:<hex>}
 * ({@code [v6 address]:port} for IPv6). Blank lines and {@code #} comments are skipped; for a
 * server named twice the first line counts. Created with owner-only permissions.
 */
public final class KnownHosts {

    /** One server's line in the file. */
    public record Entry(int lineNumber, String line, Fingerprint fingerprint) {
    }

    private final Path file;

    public KnownHosts(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** How a server is named in the file (and in messages): the host as the user typed it, and the port. */
    public static String key(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** @throws IOException when the file cannot be read, or the server's own line is broken */
    public Optional<Entry> find(String key) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).strip().split("\\s+");
            if (fields.length >= 1 && fields[0].equals(key)) {
                if (fields.length != 2) {
                    throw new IOException("line " + (i + 1) + " of " + file + " is broken: expected \"" + key
                            + " SHA256:<hex>\"");
                }
                try {
                    return Optional.of(new Entry(i + 1, lines.get(i).strip(), Fingerprint.parse(fields[1])));
                } catch (IllegalArgumentException e) {
                    throw new IOException("line " + (i + 1) + " of " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return Optional.empty();
    }

    public void add(String key, Fingerprint fingerprint) throws IOException {
        createIfMissing();
        Files.writeString(file, key + " " + fingerprint + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void createIfMissing() throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, posix ? ownerOnly("rwx------") : new FileAttribute<?>[0]);
        }
        try {
            Files.createFile(file, posix ? ownerOnly("rw-------") : new FileAttribute<?>[0]);
        } catch (FileAlreadyExistsException e) {
            // added to as it is
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }
}
