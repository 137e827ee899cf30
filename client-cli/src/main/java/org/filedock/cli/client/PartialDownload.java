package org.filedock.cli.client;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary file a download is written to, beside its target. It becomes the target only on
 * {@link #commit()}. A plain one has a random name and is deleted when closed without a commit,
 * so a failed download leaves nothing. A resumable one ({@code DOWNLOAD --resume}) has a name
 * made from the target's ({@code .filedock-<name>.part}) and is kept when the download fails, so
 * that the same command run again continues from its end.
 */
final class PartialDownload implements Closeable {

    /** Plain partial files still open, deleted if the JVM stops in the middle of a download (e.g. Ctrl+C). */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(PartialDownload::deleteQuietly),
                "filedock-partial-download-cleanup"));
    }

    private final Path target;
    private final Path temporary;
    private final FileChannel output;
    private final boolean keptOnFailure;
    private final long held;
    private boolean committed;

    private PartialDownload(Path target, Path temporary, FileChannel output, boolean keptOnFailure, long held) {
        this.target = target;
        this.temporary = temporary;
        this.output = output;
        this.keptOnFailure = keptOnFailure;
        this.held = held;
    }

    /** A fresh partial file, deleted unless committed. */
    static PartialDownload create(Path target) throws LocalFileException {
        Path absolute = checkedTarget(target);
        Path temporary = absolute.resolveSibling(".filedock-" + Long.toHexString(RANDOM.nextLong()) + ".part");
        try {
            // Not createTempFile: its owner-only permissions would stay on the downloaded file.
            FileChannel output = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            OPEN.add(temporary);
            return new PartialDownload(absolute, temporary, output, false, 0);
        } catch (IOException e) {
            throw new LocalFileException("cannot write in " + absolute.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** The partial file of an earlier {@code --resume} download of {@code target}, to go on writing at its end, or a new one. */
    static PartialDownload resumable(Path target) throws LocalFileException {
        Path absolute = checkedTarget(target);
        Path temporary = absolute.resolveSibling(".filedock-" + absolute.getFileName() + ".part");
        try {
            FileChannel output = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            long held = output.size();
            output.position(held);
            return new PartialDownload(absolute, temporary, output, true, held);
        } catch (IOException e) {
            throw new LocalFileException("cannot write " + temporary + ": " + e.getMessage(), e);
        }
    }

    private static Path checkedTarget(Path target) throws LocalFileException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new LocalFileException("no such directory: " + directory);
        }
        if (Files.isDirectory(absolute)) {
            throw new LocalFileException("cannot save over a directory: " + target);
        }
        return absolute;
    }

    FileChannel output() {
        return output;
    }

    Path target() {
        return target;
    }

    /** The bytes an earlier attempt left, where this one goes on (0 for a plain partial). */
    long held() {
        return held;
    }

    /** Reads the held bytes back once into {@code digest}, so that a resumed download is verified as a whole. */
    void hashHeld(MessageDigest digest) throws LocalFileException {
        try {
            Sha256.update(digest, output, held);
        } catch (IOException e) {
            throw new LocalFileException("cannot read " + temporary + ": " + e.getMessage(), e);
        }
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

    /** Deletes the partial file even if it would be kept: what it holds is known to be wrong. */
    void discard() {
        closeQuietly();
        deleteQuietly(temporary);
        OPEN.remove(temporary);
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        if (keptOnFailure && holdsBytes()) {
            closeQuietly();
        } else {
            discard(); // an empty partial (e.g. the server refused the download) is of no use
        }
    }

    private boolean holdsBytes() {
        try {
            return output.size() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void closeQuietly() {
        try {
            output.close();
        } catch (IOException ignored) {
            // nothing more can be written anyway
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: nothing else can be done about it here
        }
    }
}
