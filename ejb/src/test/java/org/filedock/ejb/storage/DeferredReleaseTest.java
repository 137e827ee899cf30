package org.filedock.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Large files that lose their last name stay open until the releaser closes them: the name is
 * gone at once, the freeing comes after.
 */
class DeferredReleaseTest extends StorageTestBase {

    private static final long LARGE = DeferredRelease.THRESHOLD;
    private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");

    private final Queue<Runnable> queued = new ArrayDeque<>();
    private DeferredRelease release;

    @BeforeEach
    void queueingStorage() {
        release = new DeferredRelease(queued::add);
        storage = new LocalDiskStorage(root, OptionalLong.empty(), queued::add);
    }

    @Test
    void anUploadOverALargeFileLeavesItOpenUntilTheReleaserRuns() throws Exception {
        assumeTrue(Files.isDirectory(OWN_DESCRIPTORS), "needs /proc/self/fd");
        Path old = sized("big.bin", LARGE);
        try (Upload upload = storage.beginUpload(path("big.bin"), 3)) {
            writeFully(upload, "new");
            upload.commit();
        }
        assertEquals("new", read("big.bin"));
        assertEquals(List.of("", "big.bin"), everythingUnderRoot());
        assertEquals(1, queued.size());
        assertEquals(1, openDeletedFiles(old));
        runQueued();
        assertEquals(0, openDeletedFiles(old));
    }

    @Test
    void aDeletedLargeFileIsGoneAtOnceAndFreedByTheReleaser() throws Exception {
        assumeTrue(Files.isDirectory(OWN_DESCRIPTORS), "needs /proc/self/fd");
        Path file = sized("big.bin", LARGE);
        storage.deleteFile(path("big.bin"));
        assertEquals(List.of(""), everythingUnderRoot());
        assertEquals(1, openDeletedFiles(file));
        runQueued();
        assertEquals(0, openDeletedFiles(file));
    }

    @Test
    void smallFilesAndLinksAreFreedAtOnce() throws Exception {
        sized("small.bin", LARGE - 1);
        Path big = sized("big.bin", LARGE);
        Files.createSymbolicLink(root.resolve("link"), big);
        try (Upload upload = storage.beginUpload(path("small.bin"), 1)) {
            writeFully(upload, "x");
            upload.commit();
        }
        storage.deleteFile(path("link"));
        try (Upload upload = storage.beginUpload(path("new.bin"), 1)) {
            writeFully(upload, "y");
            upload.commit();
        }
        assertTrue(queued.isEmpty());
    }

    @Test
    void heldBytesCountAsPendingUntilClosed() throws Exception {
        Path file = sized("big.bin", LARGE);
        DeferredRelease.Held held = release.hold(file, attributes(file));
        assertEquals(LARGE, release.pendingBytes());
        Files.delete(file);
        held.release();
        assertEquals(LARGE, release.pendingBytes());
        runQueued();
        assertEquals(0, release.pendingBytes());
    }

    @Test
    void aFileAlreadyGoneHoldsNothing() throws Exception {
        Path file = sized("gone.bin", LARGE);
        BasicFileAttributes lastSeen = attributes(file);
        Files.delete(file);
        DeferredRelease.Held held = release.hold(file, lastSeen);
        held.release();
        assertEquals(0, release.pendingBytes());
        assertTrue(queued.isEmpty());
    }

    @Test
    void aStoppedReleaserClosesOnTheCallersThread() throws Exception {
        DeferredRelease refusing = new DeferredRelease(task -> {
            throw new RejectedExecutionException("stopping");
        });
        Path file = sized("big.bin", LARGE);
        refusing.hold(file, attributes(file)).release();
        assertEquals(0, refusing.pendingBytes());
    }

    private Path sized(String name, long size) throws IOException {
        Path file = write(name, "");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            raf.getChannel().write(ByteBuffer.wrap(new byte[] {1}), size - 1);
        }
        return file;
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.remove().run();
        }
    }

    /** How many of this process's descriptors point at {@code file} after its removal. */
    private static long openDeletedFiles(Path file) throws IOException {
        String deleted = file + " (deleted)";
        try (Stream<Path> descriptors = Files.list(OWN_DESCRIPTORS)) {
            return descriptors.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(deleted);
                } catch (IOException | UnsupportedOperationException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }
}
