package org.filedock.ejb.storage;

import static org.filedock.ejb.path.CommandAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

/** stat, list, createDirectory, deleteDirectory, deleteFile and move. */
class LocalDiskStorageTest extends StorageTestBase {

    @Test
    void createsAMissingRoot() throws IOException {
        Path nested = temp.resolve("a/b/c");
        LocalDiskStorage created = new LocalDiskStorage(nested, OptionalLong.empty());
        assertTrue(Files.isDirectory(nested));
        assertEquals(nested.toRealPath(), created.root());
    }

    @Test
    void statOfAFile() throws Exception {
        Path file = write("d/report.txt", "hello");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-24T21:07:05.789Z")));
        DirEntry entry = storage.stat(path("d", "report.txt"));
        assertEquals(new DirEntry(DirEntry.Type.FILE, 5, Instant.parse("2026-11-24T21:07:05Z"),
                "report.txt"), entry);
        assertEquals("f 5 2026-11-24T21:07:05Z report.txt", entry.toLine());
    }

    @Test
    void statOfADirectoryAndOfTheRoot() throws Exception {
        write("d/x", "content");
        DirEntry directory = storage.stat(path("d"));
        assertEquals(DirEntry.Type.DIRECTORY, directory.type());
        assertEquals(0, directory.size());
        assertEquals("d", directory.name());
        DirEntry rootEntry = storage.stat(StoragePath.ROOT);
        assertEquals(DirEntry.Type.DIRECTORY, rootEntry.type());
        assertEquals("/", rootEntry.name());
    }

    @Test
    void statErrors() throws Exception {
        write("file", "x");
        assertFails(ErrorCode.NOT_FOUND, "/nope not found", () -> storage.stat(path("nope")));
        assertFails(ErrorCode.NOT_FOUND, "/nope/x not found", () -> storage.stat(path("nope", "x")));
        assertFails(ErrorCode.NOT_A_DIRECTORY, "/file is not a directory",
                () -> storage.stat(path("file", "x")));
        assertFails(ErrorCode.NOT_A_DIRECTORY, () -> storage.stat(path("file", "x", "y")));
    }

    @Test
    void listsFilesAndDirectoriesTogether() throws Exception {
        write("d/b.txt", "12345");
        mkdirs("d/a-dir/inner");
        write("d/c", "");
        List<DirEntry> entries = storage.list(path("d"));
        assertEquals(List.of("a-dir", "b.txt", "c"), entries.stream().map(DirEntry::name).toList());
        assertEquals(DirEntry.Type.DIRECTORY, entries.get(0).type());
        assertEquals(0, entries.get(0).size());
        assertEquals(5, entries.get(1).size());
        assertEquals(0, entries.get(2).size());
        assertEquals(DirEntry.Type.FILE, entries.get(2).type());
    }

    @Test
    void listOfAnEmptyDirectoryAndOfTheRoot() throws Exception {
        mkdirs("empty");
        assertEquals(List.of(), storage.list(path("empty")));
        assertEquals(List.of("empty"), names(StoragePath.ROOT));
    }

    @Test
    void listErrors() throws Exception {
        write("file", "x");
        assertFails(ErrorCode.NOT_FOUND, "/nope not found", () -> storage.list(path("nope")));
        assertFails(ErrorCode.NOT_A_DIRECTORY, "/file is not a directory",
                () -> storage.list(path("file")));
        assertFails(ErrorCode.NOT_A_DIRECTORY, () -> storage.list(path("file", "x")));
    }

    @Test
    void createsADirectory() throws Exception {
        mkdirs("d");
        storage.createDirectory(path("d", "new"));
        assertTrue(Files.isDirectory(root.resolve("d/new")));
    }

    @Test
    void createDirectoryErrors() throws Exception {
        mkdirs("d");
        write("file", "x");
        assertFails(ErrorCode.EXISTS, "/d already exists", () -> storage.createDirectory(path("d")));
        assertFails(ErrorCode.EXISTS, "/file already exists",
                () -> storage.createDirectory(path("file")));
        assertFails(ErrorCode.NOT_FOUND, "/a not found", () -> storage.createDirectory(path("a", "b")));
        assertFails(ErrorCode.NOT_A_DIRECTORY, "/file is not a directory",
                () -> storage.createDirectory(path("file", "b")));
        assertFails(ErrorCode.FORBIDDEN, () -> storage.createDirectory(StoragePath.ROOT));
        assertFalse(Files.exists(root.resolve("a")));
    }

    @Test
    void deletesAnEmptyDirectory() throws Exception {
        mkdirs("d/e");
        storage.deleteDirectory(path("d", "e"));
        assertFalse(Files.exists(root.resolve("d/e")));
        assertTrue(Files.isDirectory(root.resolve("d")));
    }

    @Test
    void deleteDirectoryErrors() throws Exception {
        write("d/x", "x");
        assertFails(ErrorCode.FORBIDDEN, () -> storage.deleteDirectory(StoragePath.ROOT));
        assertFails(ErrorCode.NOT_A_DIRECTORY, "/d/x is not a directory",
                () -> storage.deleteDirectory(path("d", "x")));
        assertFails(ErrorCode.NOT_FOUND, "/nope not found", () -> storage.deleteDirectory(path("nope")));
        assertFails(ErrorCode.NOT_EMPTY, "/d is not empty", () -> storage.deleteDirectory(path("d")));
        assertTrue(Files.exists(root.resolve("d/x")));
    }

    @Test
    void aDirectoryHoldingOnlyHiddenEntriesIsNotEmpty() throws Exception {
        write("t/.filedock-upload-0123.part", "partial");
        write("c/bad\u0001name", "x");
        assertEquals(List.of(), storage.list(path("t")));
        assertFails(ErrorCode.NOT_EMPTY, () -> storage.deleteDirectory(path("t")));
        assertFails(ErrorCode.NOT_EMPTY, () -> storage.deleteDirectory(path("c")));
    }

    @Test
    void deletesAFile() throws Exception {
        write("d/x", "x");
        storage.deleteFile(path("d", "x"));
        assertFalse(Files.exists(root.resolve("d/x")));
    }

    @Test
    void deleteFileErrors() throws Exception {
        mkdirs("d");
        assertFails(ErrorCode.FORBIDDEN, () -> storage.deleteFile(StoragePath.ROOT));
        assertFails(ErrorCode.IS_A_DIRECTORY, "/d is a directory", () -> storage.deleteFile(path("d")));
        assertFails(ErrorCode.NOT_FOUND, "/d/x not found", () -> storage.deleteFile(path("d", "x")));
        assertTrue(Files.isDirectory(root.resolve("d")));
    }

    @Test
    void movesAFileIntoADirectory() throws Exception {
        write("a.txt", "content");
        mkdirs("target");
        storage.move(path("a.txt"), path("target"));
        assertEquals("content", read("target/a.txt"));
        assertFalse(Files.exists(root.resolve("a.txt")));
    }

    @Test
    void movesADirectoryWithItsContent() throws Exception {
        write("src/sub/x.txt", "x");
        mkdirs("dst/deeper");
        storage.move(path("src"), path("dst", "deeper"));
        assertEquals("x", read("dst/deeper/src/sub/x.txt"));
        assertFalse(Files.exists(root.resolve("src")));
    }

    @Test
    void renamesInPlaceAndIntoAnotherDirectory() throws Exception {
        write("d/a.txt", "content");
        mkdirs("other");
        storage.move(path("d", "a.txt"), path("d"), "b.txt");
        assertEquals("content", read("d/b.txt"));
        assertFalse(Files.exists(root.resolve("d/a.txt")));
        storage.move(path("d", "b.txt"), path("other"), "c.txt");
        assertEquals("content", read("other/c.txt"));
    }

    @Test
    void aRenameToATakenOrInvalidNameChangesNothing() throws Exception {
        write("a.txt", "a");
        write("b.txt", "b");
        assertFails(ErrorCode.EXISTS, "/b.txt already exists", () -> storage.move(path("a.txt"), StoragePath.ROOT, "b.txt"));
        for (String name : new String[] {"..", "x/y", ""}) {
            assertFails(ErrorCode.BAD_REQUEST, "invalid name: " + name, () -> storage.move(path("a.txt"), StoragePath.ROOT, name));
        }
        assertEquals("a", read("a.txt"));
        assertEquals("b", read("b.txt"));
    }

    @Test
    void movesUpToTheRoot() throws Exception {
        write("a/b/c.txt", "c");
        storage.move(path("a", "b", "c.txt"), StoragePath.ROOT);
        assertEquals("c", read("c.txt"));
    }

    @Test
    void moveErrors() throws Exception {
        write("a.txt", "a");
        write("file", "f");
        mkdirs("d/sub");
        assertFails(ErrorCode.FORBIDDEN, () -> storage.move(StoragePath.ROOT, path("d")));
        assertFails(ErrorCode.NOT_FOUND, "/nope not found", () -> storage.move(path("nope"), path("d")));
        assertFails(ErrorCode.NOT_FOUND, "/nope not found", () -> storage.move(path("a.txt"), path("nope")));
        assertFails(ErrorCode.NOT_A_DIRECTORY, "/file is not a directory",
                () -> storage.move(path("a.txt"), path("file")));
        assertFails(ErrorCode.NOT_A_DIRECTORY, () -> storage.move(path("file", "x"), path("d")));
        String intoItself = "cannot move a directory into itself";
        assertFails(ErrorCode.BAD_REQUEST, intoItself, () -> storage.move(path("d"), path("d")));
        assertFails(ErrorCode.BAD_REQUEST, intoItself, () -> storage.move(path("d"), path("d", "sub")));
        assertEquals(List.of("", "a.txt", "d", "d/sub", "file"), everythingUnderRoot());
    }

    @Test
    void moveRefusesATakenName() throws Exception {
        write("a.txt", "new");
        write("d/a.txt", "old");
        mkdirs("e/d");
        assertFails(ErrorCode.EXISTS, "/d/a.txt already exists", () -> storage.move(path("a.txt"), path("d")));
        assertFails(ErrorCode.EXISTS, "/a.txt already exists", () -> storage.move(path("a.txt"), StoragePath.ROOT));
        assertFails(ErrorCode.EXISTS, "/e/d already exists", () -> storage.move(path("d"), path("e")));
        assertEquals("new", read("a.txt"));
        assertEquals("old", read("d/a.txt"));
    }

    @Test
    void moveRefusesANameTakenByAHiddenEntry() throws Exception {
        write("x", "x");
        write("d/x", "x");
        Files.createSymbolicLink(root.resolve("d/y"), outside.resolve("secret.txt"));
        write("y", "y");
        assertFails(ErrorCode.EXISTS, () -> storage.move(path("y"), path("d")));
        assertTrue(Files.isSymbolicLink(root.resolve("d/y")));
    }
}
