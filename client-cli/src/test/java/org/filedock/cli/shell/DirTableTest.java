package org.filedock.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.filedock.protocol.DirEntry;
import org.junit.jupiter.api.Test;

class DirTableTest {

    @Test
    void alignsTypeSizeTimeAndName() {
        List<String> lines = DirTable.format(List.of(
                new DirEntry(DirEntry.Type.DIRECTORY, 0, Instant.parse("2026-11-24T21:07:05Z"), "docs"),
                new DirEntry(DirEntry.Type.FILE, 1234567, Instant.parse("2026-11-24T21:07:06Z"), "my file.txt")));
        assertEquals(List.of(
                "TYPE     SIZE  MODIFIED              NAME",
                "dir         0  2026-11-24T21:07:05Z  docs",
                "file  1234567  2026-11-24T21:07:06Z  my file.txt"), lines);
    }

    @Test
    void anEmptyDirectorySaysSo() {
        assertEquals(List.of("(empty directory)"), DirTable.format(List.of()));
    }
}
