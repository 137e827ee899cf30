package org.filedock.cli.login;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code --password-file}: the password is the file's first line. Like ssh with a private key, a
 * file that others may read is refused: the password would not be a secret.
 */
public final class PasswordFile {

    private static final Set<PosixFilePermission> OTHERS_READ = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    private PasswordFile() {
    }

    /** @throws IllegalArgumentException with words for the user: missing, unreadable, readable by others, or empty */
    public static char[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--password-file: no such file: " + file);
        }
        checkPrivate(file);
        String line;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            line = reader.readLine();
        } catch (IOException e) {
            throw new IllegalArgumentException("--password-file: cannot read " + file + ": " + e.getMessage(), e);
        }
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("--password-file: the first line of " + file + " is empty");
        }
        return line.toCharArray();
    }

    private static void checkPrivate(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.retainAll(OTHERS_READ);
            if (!permissions.isEmpty()) {
                throw new IllegalArgumentException("--password-file: " + file + " is readable by others; "
                        + "make it private first (chmod 600 " + file + ")");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--password-file: cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
