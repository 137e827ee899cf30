package org.filedock.ejb.storage;

import static org.filedock.ejb.path.CommandAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Symbolic links inside the root never lead the storage outside it (contract §3). */
class ConfinementTest extends StorageTestBase {

    private static final String LEAVES = "path leaves the root";
    private static final StoragePath OUT_DIR = path("out-dir");
    private static final StoragePath OUT_FILE = path("out-file");

    @BeforeEach
    void placeLinks() throws IOException {
        mkdirs("d");
        write("d/inside.txt", "inside");
        Files.createSymbolicLink(root.resolve("out-dir"), outside);
        Files.createSymbolicLink(root.resolve("out-file"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("out-relative"), Path.of("../outside"));
        Files.createSymbolicLink(root.resolve("hop"), Path.of("out-dir"));
        Files.createSymbolicLink(root.resolve("dangling-out"), outside.resolve("missing"));
    }

    @AfterEach
    void outsideIsUntouched() throws IOException {
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(List.of("secret.txt"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
    }

    @Test
    void statRefusesLinksOut() {
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.stat(OUT_DIR));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.stat(OUT_FILE));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.stat(path("out-dir", "secret.txt")));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.stat(path("out-relative", "secret.txt")));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.stat(path("hop", "secret.txt")));
    }

    @Test
    void whatLiesOutsideCannotBeProbed() {
        // Same answer whether the outside file exists or not.
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.stat(path("out-dir", "missing")));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.stat(path("out-dir", "secret.txt")));
    }

    @Test
    void listRefusesLinksOut() {
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.list(OUT_DIR));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.list(path("hop")));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.list(path("out-relative")));
    }

    @Test
    void downloadRefusesLinksOut() {
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.openDownload(OUT_FILE));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.openDownload(path("out-dir", "secret.txt")));
    }

    @Test
    void uploadRefusesLinksOut() {
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.beginUpload(path("out-dir", "new.txt"), 1));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.beginUpload(path("out-dir", "secret.txt"), 1));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.beginUpload(OUT_FILE, 1));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.beginUpload(path("dangling-out"), 1));
    }

    @Test
    void mkdirRefusesLinksOut() {
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.createDirectory(path("out-dir", "new")));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.createDirectory(path("hop", "new")));
    }

    @Test
    void moveRefusesLinksOutAsSourceOrTarget() throws Exception {
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.move(path("d", "inside.txt"), OUT_DIR));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.move(path("out-dir", "secret.txt"), path("d")));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.move(OUT_FILE, path("d")));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.move(OUT_DIR, path("d")));
        assertEquals("inside", read("d/inside.txt"));
        assertTrue(Files.isSymbolicLink(root.resolve("out-file")));
    }

    @Test
    void deleteRefusesLinksOut() {
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.deleteFile(OUT_FILE));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.deleteFile(path("out-dir", "secret.txt")));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> storage.deleteDirectory(OUT_DIR));
        assertTrue(Files.isSymbolicLink(root.resolve("out-file")));
    }

    @Test
    void linksInsideTheRootAreFollowed() throws Exception {
        Files.createSymbolicLink(root.resolve("in-dir"), root.resolve("d"));
        assertEquals(List.of("inside.txt"), names(path("in-dir")));
        assertEquals(6, storage.stat(path("in-dir", "inside.txt")).size());
        try (Download download = storage.openDownload(path("in-dir", "inside.txt"))) {
            assertEquals("inside", readFully(download));
        }
        try (Upload upload = storage.beginUpload(path("in-dir", "up.txt"), 2)) {
            writeFully(upload, "up");
            upload.commit();
        }
        assertEquals("up", read("d/up.txt"));
    }

    @Test
    void deletingALinkInsideTheRootRemovesTheLinkOnly() throws Exception {
        Files.createSymbolicLink(root.resolve("in-file"), root.resolve("d/inside.txt"));
        storage.deleteFile(path("in-file"));
        assertFalse(Files.exists(root.resolve("in-file"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("inside", read("d/inside.txt"));
    }

    @Test
    void removingALinkToADirectoryNeedsThatDirectoryEmpty() throws Exception {
        Files.createSymbolicLink(root.resolve("to-d"), root.resolve("d"));
        assertFails(ErrorCode.NOT_EMPTY, "/to-d is not empty", () -> storage.deleteDirectory(path("to-d")));
        assertTrue(Files.isSymbolicLink(root.resolve("to-d")));
        mkdirs("empty");
        Files.createSymbolicLink(root.resolve("to-empty"), root.resolve("empty"));
        storage.deleteDirectory(path("to-empty"));
        assertFalse(Files.exists(root.resolve("to-empty"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isDirectory(root.resolve("empty")), "the link goes, not what it points to");
    }

    @Test
    void aDirectoryCannotBeMovedIntoItselfThroughALink() throws Exception {
        mkdirs("d/sub");
        Files.createSymbolicLink(root.resolve("to-sub"), root.resolve("d/sub"));
        assertFails(ErrorCode.BAD_REQUEST, "cannot move a directory into itself",
                () -> storage.move(path("d"), path("to-sub")));
    }

    @Test
    void aRootReachedThroughALinkStillConfines() throws Exception {
        Path linkToRoot = Files.createSymbolicLink(temp.resolve("root-link"), root);
        LocalDiskStorage viaLink = new LocalDiskStorage(linkToRoot, OptionalLong.empty());
        assertEquals(root.toRealPath(), viaLink.root());
        assertEquals(DirEntry.Type.FILE, viaLink.stat(path("d", "inside.txt")).type());
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> viaLink.stat(path("out-dir")));
    }
}
