package org.filedock.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.DirEntry;
import org.junit.jupiter.api.Test;

/** DIR: sorting by UTF-8 bytes, and what a listing leaves out. */
class ListingTest extends StorageTestBase {

    private static final String GRINNING = "\uD83D\uDE00";
    private static final String REPLACEMENT = "\uFFFD";

    @Test
    void namesSortByTheirUtf8Bytes() {
        List<String> names = new ArrayList<>(List.of(GRINNING, "é", "a", REPLACEMENT, "B", "Z"));
        names.sort(Utf8NameOrder.NAMES);
        assertEquals(List.of("B", "Z", "a", "é", REPLACEMENT, GRINNING), names);
    }

    @Test
    void utf16OrderWouldDifferForCharactersOutsideTheBmp() {
        // Guards the test above: String.compareTo puts the emoji (U+D83D...) before U+FFFD.
        assertTrue(GRINNING.compareTo(REPLACEMENT) < 0);
        assertTrue(Utf8NameOrder.NAMES.compare(GRINNING, REPLACEMENT) > 0);
    }

    @Test
    void aListingIsSortedByUtf8Bytes() throws Exception {
        assumeUtf8FileNames();
        for (String name : List.of(GRINNING, "é", "a", REPLACEMENT, "B")) {
            write("d/" + name, name);
        }
        mkdirs("d/C");
        assertEquals(List.of("B", "C", "a", "é", REPLACEMENT, GRINNING), names(path("d")));
    }

    @Test
    void modificationTimesAreTruncatedToSeconds() throws Exception {
        Path file = write("f", "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-02T03:04:05.999Z")));
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"),
                storage.list(StoragePath.ROOT).get(0).modified());
    }

    @Test
    void temporaryAndReservedNamesAreHidden() throws Exception {
        write(".filedock-upload-00ff.part", "partial");
        write(".filedock-something-else", "x");
        write(".filedock", "visible");
        write(".hidden", "visible");
        assertEquals(List.of(".filedock", ".hidden"), names(StoragePath.ROOT));
    }

    @Test
    void namesWithControlCharactersAreHidden() throws Exception {
        write("ok", "x");
        write("bell\u0007", "x");
        write("new\nline", "x");
        write("del\u007f", "x");
        assertEquals(List.of("ok"), names(StoragePath.ROOT));
    }

    @Test
    void namesThatAreNotUtf8AreHidden() throws Exception {
        assumeUtf8FileNames();
        write("ok", "x");
        writeBadNameBesideOneOther();
        assertEquals(List.of("ok"), names(StoragePath.ROOT));
    }

    @Test
    void aNameThatIsNotUtf8BesideTheNameItDecodesToListsThatNameOnce() throws Exception {
        assumeUtf8FileNames();
        write("bad\ufffdname", "12345");
        writeBadNameBesideOneOther();
        List<DirEntry> entries = storage.list(StoragePath.ROOT);
        assertEquals(1, entries.size());
        assertEquals("bad\ufffdname", entries.get(0).name());
        assertEquals(5, entries.get(0).size()); // the file that name reaches
    }

    @Test
    void linksOutOfTheRootOrNowhereAreHidden() throws Exception {
        write("ok", "x");
        Files.createSymbolicLink(root.resolve("out-file"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("out-dir"), outside);
        Files.createSymbolicLink(root.resolve("out-relative"), Path.of("../outside"));
        Files.createSymbolicLink(root.resolve("dangling"), root.resolve("missing"));
        assertEquals(List.of("ok"), names(StoragePath.ROOT));
    }

    @Test
    void linksInsideTheRootShowAsWhatTheyPointTo() throws Exception {
        write("real/file.txt", "12345");
        Files.createSymbolicLink(root.resolve("link-dir"), root.resolve("real"));
        Files.createSymbolicLink(root.resolve("link-file"), Path.of("real/file.txt"));
        List<DirEntry> entries = storage.list(StoragePath.ROOT);
        assertEquals(List.of("link-dir", "link-file", "real"), entries.stream().map(DirEntry::name).toList());
        assertEquals(DirEntry.Type.DIRECTORY, entries.get(0).type());
        assertEquals(DirEntry.Type.FILE, entries.get(1).type());
        assertEquals(5, entries.get(1).size());
    }

    @Test
    void aDirectoryThatCannotBeReadGetsItsPreciseError() throws Exception {
        // what DIR meets when the directory goes, or a file takes its place, after the checks
        write("file.txt", "x");
        DirectoryLister lister = new DirectoryLister(root.toRealPath());
        StoragePath path = StoragePath.ROOT.child("d");
        CommandException gone = assertThrows(CommandException.class, () -> lister.list(root.resolve("gone"), path));
        assertEquals(ErrorCode.NOT_FOUND, gone.code());
        CommandException file = assertThrows(CommandException.class, () -> lister.list(root.resolve("file.txt"), path));
        assertEquals(ErrorCode.NOT_A_DIRECTORY, file.code());
    }

    /** Writes {@code bad<0xff>name}, a name whose bytes are not UTF-8, into a root that holds one entry. */
    private void writeBadNameBesideOneOther() throws Exception {
        Process shell = new ProcessBuilder("/bin/sh", "-c", "printf x > \"$(printf 'bad\\377name')\"")
                .directory(root.toFile()).inheritIO().start();
        assumeTrue(shell.waitFor() == 0, "needs /bin/sh to create a name that is not UTF-8");
        try (var entries = Files.list(root)) {
            assumeTrue(entries.count() == 2, "the file system refused the name");
        }
    }

    private static void assumeUtf8FileNames() {
        assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "file names beyond ASCII need the JVM to run with a UTF-8 locale");
    }
}
