package org.filedock.ejb.storage;

import static org.filedock.ejb.path.CommandAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.OptionalLong;

import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

/** beginUpload, commit, abort, openDownload. */
class TransferTest extends StorageTestBase {

    @Test
    void anUploadBecomesVisibleOnlyOnCommit() throws Exception {
        mkdirs("d");
        try (Upload upload = storage.beginUpload(path("d", "new.txt"), 5)) {
            writeFully(upload, "hello");
            assertEquals(List.of(), names(path("d")));
            assertEquals(1, tempFilesIn("d"));
            upload.commit();
        }
        assertEquals("hello", read("d/new.txt"));
        assertEquals(List.of("", "d", "d/new.txt"), everythingUnderRoot());
    }

    @Test
    void anEmptyUpload() throws Exception {
        try (Upload upload = storage.beginUpload(path("empty"), 0)) {
            upload.commit();
        }
        assertEquals("", read("empty"));
    }

    @Test
    void aCommitReplacesTheOldFile() throws Exception {
        write("f.txt", "old content");
        try (Upload upload = storage.beginUpload(path("f.txt"), 3)) {
            writeFully(upload, "new");
            assertEquals("old content", read("f.txt"));
            assertEquals(11, storage.stat(path("f.txt")).size());
            upload.commit();
        }
        assertEquals("new", read("f.txt"));
        assertEquals(List.of("", "f.txt"), everythingUnderRoot());
    }

    @Test
    void anAbortedUploadLeavesNothing() throws Exception {
        mkdirs("d");
        try (Upload upload = storage.beginUpload(path("d", "new.txt"), 10)) {
            writeFully(upload, "half");
        }
        assertEquals(List.of("", "d"), everythingUnderRoot());
    }

    @Test
    void anAbortedUploadKeepsTheOldFile() throws Exception {
        write("f.txt", "old");
        Upload upload = storage.beginUpload(path("f.txt"), 100);
        writeFully(upload, "partial");
        upload.close();
        upload.close();
        assertEquals("old", read("f.txt"));
        assertEquals(List.of("", "f.txt"), everythingUnderRoot());
    }

    @Test
    void aCommitWithTheWrongByteCountReplacesNothing() throws Exception {
        write("f.txt", "old");
        try (Upload upload = storage.beginUpload(path("f.txt"), 10)) {
            writeFully(upload, "short");
            assertFails(ErrorCode.INTERNAL, upload::commit);
        }
        assertEquals("old", read("f.txt"));
        assertEquals(List.of("", "f.txt"), everythingUnderRoot());
    }

    @Test
    void aTargetThatBecameADirectoryFailsTheCommit() throws Exception {
        try (Upload upload = storage.beginUpload(path("x"), 1)) {
            writeFully(upload, "1");
            mkdirs("x");
            assertFails(ErrorCode.IS_A_DIRECTORY, "/x is a directory", upload::commit);
        }
        assertEquals(List.of("", "x"), everythingUnderRoot());
    }

    @Test
    void beginUploadErrors() throws Exception {
        write("file", "x");
        mkdirs("dir");
        assertFails(ErrorCode.FORBIDDEN, () -> storage.beginUpload(StoragePath.ROOT, 1));
        assertFails(ErrorCode.NOT_FOUND, "/nope not found", () -> storage.beginUpload(path("nope", "x"), 1));
        assertFails(ErrorCode.NOT_A_DIRECTORY, "/file is not a directory",
                () -> storage.beginUpload(path("file", "x"), 1));
        assertFails(ErrorCode.IS_A_DIRECTORY, "/dir is a directory", () -> storage.beginUpload(path("dir"), 1));
        assertFails(ErrorCode.BAD_REQUEST, () -> storage.beginUpload(path("f"), -1));
        assertEquals(List.of("", "dir", "file"), everythingUnderRoot());
    }

    @Test
    void aSizeBeyondTheFreeSpaceIsNoSpace() {
        assertFails(ErrorCode.NO_SPACE, () -> storage.beginUpload(path("huge"), Long.MAX_VALUE));
        assertFalse(Files.exists(root.resolve("huge")));
    }

    @Test
    void theMaximumFileSizeIsEnforcedBeforeAnyByte() throws Exception {
        LocalDiskStorage limited = new LocalDiskStorage(root, OptionalLong.of(10));
        assertFails(ErrorCode.NO_SPACE, "file exceeds the maximum size of 10 bytes",
                () -> limited.beginUpload(path("big"), 11));
        try (Upload upload = limited.beginUpload(path("fits"), 10)) {
            writeFully(upload, "0123456789");
            upload.commit();
        }
        assertEquals(List.of("", "fits"), everythingUnderRoot());
    }

    @Test
    void downloadsAFile() throws Exception {
        write("d/f.txt", "content");
        try (Download download = storage.openDownload(path("d", "f.txt"))) {
            assertEquals(7, download.size());
            assertEquals("content", readFully(download));
        }
    }

    @Test
    void openDownloadErrors() throws Exception {
        write("file", "x");
        mkdirs("dir");
        assertFails(ErrorCode.NOT_FOUND, "/nope not found", () -> storage.openDownload(path("nope")));
        assertFails(ErrorCode.IS_A_DIRECTORY, "/dir is a directory", () -> storage.openDownload(path("dir")));
        assertFails(ErrorCode.IS_A_DIRECTORY, "/ is a directory", () -> storage.openDownload(StoragePath.ROOT));
        assertFails(ErrorCode.NOT_A_DIRECTORY, () -> storage.openDownload(path("file", "x")));
    }

    @Test
    void aReaderKeepsTheOldContentAfterAReplace() throws Exception {
        write("f.txt", "old content");
        try (Download before = storage.openDownload(path("f.txt"))) {
            try (Upload upload = storage.beginUpload(path("f.txt"), 4)) {
                writeFully(upload, "new!");
                upload.commit();
            }
            assertEquals(11, before.size());
            assertEquals("old content", readFully(before));
        }
        try (Download after = storage.openDownload(path("f.txt"))) {
            assertEquals(4, after.size());
            assertEquals("new!", readFully(after));
        }
    }

    @Test
    void sweepDeletesLeftoverUploadFilesOnly() throws Exception {
        write(".filedock-upload-1.part", "x");
        write("a/b/.filedock-upload-2.part", "x");
        write("a/.filedock-upload-3.txt", "kept: not a temporary upload file");
        write("a/keep.part", "kept");
        Files.writeString(outside.resolve(".filedock-upload-9.part"), "outside");
        Files.createSymbolicLink(root.resolve("out"), outside);
        storage.sweepTemporaryFiles();
        assertEquals(List.of("", "a", "a/.filedock-upload-3.txt", "a/b", "a/keep.part", "out"),
                everythingUnderRoot());
        assertTrue(Files.exists(outside.resolve(".filedock-upload-9.part")));
        storage.deleteDirectory(path("a", "b"));
    }

    private long tempFilesIn(String directory) throws Exception {
        try (var files = Files.list(root.resolve(directory))) {
            return files.filter(f -> TemporaryFiles.isUploadTemporary(f.getFileName().toString()))
                    .count();
        }
    }
}
