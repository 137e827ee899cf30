package org.filedock.cli.login;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {

    @TempDir
    Path dir;

    @Test
    void thePasswordIsThePrivateFilesFirstLineWithSpacesKept() throws Exception {
        assertArrayEquals(" pass word ".toCharArray(), PasswordFile.read(file("rw-------", " pass word \r\nnext\n")));
        assertArrayEquals("no newline".toCharArray(), PasswordFile.read(file("r--------", "no newline")));
    }

    @Test
    void aFileGroupOrOthersMayReadIsRefused() throws Exception {
        for (String permissions : new String[] {"rw-r-----", "rw----r--"}) {
            Path file = file(permissions, "secret\n");
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PasswordFile.read(file));
            assertEquals("--password-file: " + file + " is readable by others; make it private first (chmod 600 "
                    + file + ")", refused.getMessage());
        }
    }

    @Test
    void aMissingOrEmptyFileIsRefused() throws Exception {
        Path empty = file("rw-------", "\nsecond line\n");
        assertEquals("--password-file: the first line of " + empty + " is empty",
                assertThrows(IllegalArgumentException.class, () -> PasswordFile.read(empty)).getMessage());
        Path missing = dir.resolve("missing");
        assertEquals("--password-file: no such file: " + missing,
                assertThrows(IllegalArgumentException.class, () -> PasswordFile.read(missing)).getMessage());
    }

    @Test
    void aFixedSourceHandsOutACopyEachTimeAndOrElseFallsBack() {
        PasswordSource fixed = PasswordSource.fixed("pw".toCharArray());
        char[] first = fixed.passwordFor("alice").orElseThrow();
        first[0] = 'X';
        assertArrayEquals("pw".toCharArray(), fixed.passwordFor("alice").orElseThrow());
        assertArrayEquals("pw".toCharArray(), PasswordSource.NONE.orElse(fixed).passwordFor("bob").orElseThrow());
        assertEquals(java.util.Optional.empty(), PasswordSource.NONE.passwordFor("bob"));
    }

    private Path file(String permissions, String content) throws Exception {
        Path file = Files.createTempFile(dir, "password", "");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
