package org.filedock.cli.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Optional;

/**
 * The SHA-256 of local files, remembered the way the server remembers its own: in the extended
 * attribute {@code user.filedock.sha256} as {@code <size> <mtime> <hex>}, void as soon as the
 * size or the modification time (to the nanosecond) differ. A verified upload must name the
 * digest before its first byte, so a file is read twice the first time it is uploaded; with the
 * digest remembered, every later upload of the same file version reads it once. A verified
 * download leaves its digest on the file it saves. Where the file system has no extended
 * attributes, nothing is remembered and each verified upload hashes the file first.
 */
final class LocalDigests {

    /** Below this size hashing again costs less than a millisecond. */
    static final long REMEMBER_FROM = 1L << 20;
    static final String ATTRIBUTE = "filedock.sha256"; // the view adds "user."

    private LocalDigests() {
    }

    /** The file's digest: remembered if still valid, otherwise computed from {@code input} and remembered. */
    static String of(Path file, FileChannel input, long size) throws IOException {
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
        boolean large = before.size() >= REMEMBER_FROM && before.size() == size;
        if (large) {
            Optional<String> known = recall(file, before);
            if (known.isPresent()) {
                return known.get();
            }
        }
        String hex = Sha256.of(input, size);
        if (large) {
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
            if (stamp(before).equals(stamp(after))) {
                write(file, stamp(after) + hex); // unchanged while it was read
            }
        }
        return hex;
    }

    /** Records a digest known without reading the file again (a verified download just saved there). */
    static void remember(Path file, String hex) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.size() >= REMEMBER_FROM) {
                write(file, stamp(attributes) + hex);
            }
        } catch (IOException e) {
            // nothing remembered: the next verified upload of it hashes it first
        }
    }

    static Optional<String> recall(Path file, BasicFileAttributes now) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        if (view == null) {
            return Optional.empty();
        }
        try {
            ByteBuffer value = ByteBuffer.allocate(128);
            view.read(ATTRIBUTE, value);
            value.flip();
            String stored = StandardCharsets.US_ASCII.decode(value).toString();
            String prefix = stamp(now);
            if (stored.startsWith(prefix) && stored.length() == prefix.length() + 64
                    && stored.substring(prefix.length()).matches("[0-9a-f]{64}")) {
                return Optional.of(stored.substring(prefix.length()));
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // absent (ENODATA), unsupported or too long: not known
        }
        return Optional.empty();
    }

    private static void write(Path file, String value) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            view.write(ATTRIBUTE, StandardCharsets.US_ASCII.encode(value));
        } catch (IOException | UnsupportedOperationException e) {
            // a read-only file or no extended attributes here: nothing remembered
        }
    }

    private static String stamp(BasicFileAttributes attributes) {
        return attributes.size() + " " + attributes.lastModifiedTime() + " ";
    }
}
