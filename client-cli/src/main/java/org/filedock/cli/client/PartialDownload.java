package org.filedock.cli.client;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary file a download is written to, beside its target. It becomes the target only on
 * {@link #commit()}; closed without a commit, it is deleted, so a failed download leaves nothing.
 */
final class PartialDownload implements Closeable {

    /** Partial files still open, deleted if the JVM stops in the middle of a download (e.g. Ctrl+C). */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(PartialDownload::deleteQuietly),
                "filedock-partial-download-cleanup"));
    }

    private final Path target;
    private final Path temporary;
    private final FileChannel output;
    private boolean committed;

    private PartialDownload(Path target, Path temporary, FileChannel output) {
        this.target = target;
        this.temporary = temporary;
        this.output = output;
    }

    static PartialDownload create(Path target) throws LocalFileException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new LocalFileException("no such directory: " + directory);
        }
        if (Files.isDirectory(absolute)) {
            throw new LocalFileException("cannot save over a directory: " + target);
        }
        Path temporary = directory.resolve(".filedock-" + Long.toHexString(RANDOM.nextLong()) + ".part");
        try {
            // Not createTempFile: its owner-only permissions would stay on the downloaded file.
            FileChannel output = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            OPEN.add(temporary);
            return new PartialDownload(absolute, temporary, output);
        } catch (IOException e) {
            throw new LocalFileException("cannot write in " + directory + ": " + e.getMessage(), e);
        }
    }

    FileChannel output() {
        return output;
    }

    Path target() {
        return target;
    }

    /** Puts the complete file in place of the target, replacing an older file of that name. */
    void commit() throws IOException {
        output.close();
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        OPEN.remove(temporary);
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            output.close();
        } catch (IOException ignored) {
            // the file is deleted next anyway
        }
        deleteQuietly(temporary);
        OPEN.remove(temporary);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: nothing else can be done about it here
        }
    }
}
