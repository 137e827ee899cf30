package org.filedock.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirEntryTest {

    private static final Instant MTIME = Instant.parse("2026-11-24T21:07:05Z");

    @Test
    void fileToLine() {
        DirEntry entry = new DirEntry(DirEntry.Type.FILE, 1024, MTIME, "report.pdf");
        assertEquals("f 1024 2026-11-24T21:07:05Z report.pdf", entry.toLine());
        assertFalse(entry.isDirectory());
    }

    @Test
    void directoryToLine() {
        DirEntry entry = new DirEntry(DirEntry.Type.DIRECTORY, 0, MTIME, "docs");
        assertEquals("d 0 2026-11-24T21:07:05Z docs", entry.toLine());
        assertTrue(entry.isDirectory());
    }

    @Test
    void typeLetters() {
        assertEquals('f', DirEntry.Type.FILE.letter());
        assertEquals('d', DirEntry.Type.DIRECTORY.letter());
    }

    @Test
    void mtimeIsTruncatedToSeconds() {
        DirEntry entry = new DirEntry(DirEntry.Type.FILE, 1, Instant.parse("2026-11-24T21:07:05.999999999Z"), "a");
        assertEquals(MTIME, entry.modified(), "truncated, not rounded");
        assertEquals("f 1 2026-11-24T21:07:05Z a", entry.toLine());
        assertEquals(entry, new DirEntry(DirEntry.Type.FILE, 1, MTIME, "a"));
    }

    @Test
    void mtimeAlwaysHasSeconds() {
        assertEquals("f 1 2026-11-24T21:07:00Z a",
                new DirEntry(DirEntry.Type.FILE, 1, Instant.parse("2026-11-24T21:07:00.250Z"), "a").toLine());
        assertEquals("d 0 2026-01-01T00:00:00Z a",
                new DirEntry(DirEntry.Type.DIRECTORY, 0, Instant.parse("2026-01-01T00:00:00Z"), "a").toLine());
        assertEquals("f 0 1970-01-01T00:00:00Z a",
                new DirEntry(DirEntry.Type.FILE, 0, Instant.EPOCH, "a").toLine());
    }

    @Test
    void mtimeBeforeTheEpochIsTruncatedTowardsThePast() {
        // truncation of an instant before 1970 keeps the second that contains it
        DirEntry entry = new DirEntry(DirEntry.Type.FILE, 0, Instant.parse("1969-12-31T23:59:59.500Z"), "old");
        assertEquals("f 0 1969-12-31T23:59:59Z old", entry.toLine());
    }

    @Test
    void parseFile() throws Exception {
        DirEntry entry = DirEntry.parse("f 1024 2026-11-24T21:07:05Z report.pdf");
        assertEquals(DirEntry.Type.FILE, entry.type());
        assertEquals(1024, entry.size());
        assertEquals(MTIME, entry.modified());
        assertEquals("report.pdf", entry.name());
    }

    @Test
    void parseDirectory() throws Exception {
        DirEntry entry = DirEntry.parse("d 0 2026-11-24T21:07:05Z my docs");
        assertEquals(DirEntry.Type.DIRECTORY, entry.type());
        assertTrue(entry.isDirectory());
        assertEquals(0, entry.size());
        assertEquals("my docs", entry.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "report.pdf",
            "my report.pdf",
            " leading space",
            "trailing space ",
            "two  spaces",
            "   ",
            "2026-11-24T21:07:05Z",
            "f 1 2026-11-24T21:07:05Z nested",
            "\"quoted\"",
            "back\\slash",
            "x@y",
            "ünïcödé 文件 😀",
    })
    void nameIsTheRestOfTheLine(String name) throws Exception {
        for (DirEntry.Type type : DirEntry.Type.values()) {
            DirEntry entry = new DirEntry(type, 42, MTIME, name);
            String line = entry.toLine();
            assertEquals(type.letter() + " 42 2026-11-24T21:07:05Z " + name, line);
            assertEquals(entry, DirEntry.parse(line));
        }
    }

    @Test
    void largestSizeRoundTrips() throws Exception {
        DirEntry entry = new DirEntry(DirEntry.Type.FILE, Long.MAX_VALUE, MTIME, "huge");
        assertEquals("f 9223372036854775807 2026-11-24T21:07:05Z huge", entry.toLine());
        assertEquals(entry, DirEntry.parse(entry.toLine()));
    }

    @Test
    void sizeWithLeadingZerosParses() throws Exception {
        assertEquals(7, DirEntry.parse("f 007 2026-11-24T21:07:05Z a").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "f",
            "f 1",
            "f 1 2026-11-24T21:07:05Z",           // no name
            "x 1 2026-11-24T21:07:05Z a",         // unknown type
            "F 1 2026-11-24T21:07:05Z a",         // types are lower case
            "D 0 2026-11-24T21:07:05Z a",
            "ff 1 2026-11-24T21:07:05Z a",        // type is one letter
            " f 1 2026-11-24T21:07:05Z a",        // leading space
            "f -1 2026-11-24T21:07:05Z a",        // negative size
            "f +1 2026-11-24T21:07:05Z a",
            "f 1.5 2026-11-24T21:07:05Z a",
            "f 0x10 2026-11-24T21:07:05Z a",
            "f abc 2026-11-24T21:07:05Z a",
            "f 9223372036854775808 2026-11-24T21:07:05Z a",
            "f  1 2026-11-24T21:07:05Z a",        // double space
            "f 1  2026-11-24T21:07:05Z a",        // double space before the date
            "f 1 not-a-date a",
            "f 1 2026-11-24 a",                   // date without time
            "f 1 2026-11-24T21:07Z a",            // time without seconds
            "f 1 2026-13-24T21:07:05Z a",         // month 13
            "f 1 2026-11-24T25:07:05Z a",         // hour 25
            "f 1 2026-11-24T21:07:05 a",          // no zone
            "f\t1\t2026-11-24T21:07:05Z\ta",      // tabs are not separators
            "f 1 1732482425 a",                   // epoch seconds
    })
    void malformedEntries(String line) {
        assertThrows(ProtocolException.class, () -> DirEntry.parse(line));
    }

    @Test
    void constructorRejectsNulls() {
        assertThrows(NullPointerException.class, () -> new DirEntry(null, 0, MTIME, "a"));
        assertThrows(NullPointerException.class, () -> new DirEntry(DirEntry.Type.FILE, 0, MTIME, null));
        assertThrows(NullPointerException.class, () -> new DirEntry(DirEntry.Type.FILE, 0, null, "a"));
    }
}
