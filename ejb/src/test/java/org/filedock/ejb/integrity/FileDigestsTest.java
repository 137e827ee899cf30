package org.filedock.ejb.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HASH's digests: right, remembered for large files, forgotten when the file changes. */
class FileDigestsTest {

    @TempDir
    Path dir;

    private final FileDigests digests = new FileDigests();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);

    @Test
    void aSmallFileIsReadEveryTimeAndRemembersNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("small.txt"), "hello\n");
        assertEquals(sha256(Files.readAllBytes(file)), digests.digest(file, buffer));
        assertTrue(attribute(file).isEmpty());
    }

    @Test
    void aLargeFilesDigestIsRememberedUntilTheFileIsReplaced() throws Exception {
        assumeTrue(supportsUserAttributes(), "the temporary directory's file system has no user xattrs");
        Path file = dir.resolve("large.bin");
        byte[] content = random(FileDigests.REMEMBER_FROM + 5, 1);
        Files.write(file, content);
        String digest = digests.digest(file, buffer);
        assertEquals(sha256(content), digest);
        assertTrue(attribute(file).orElseThrow().endsWith(" " + digest), "kept with the file");

        // a remembered digest is not read again: a forged one with the same stamp comes back
        String forged = "0".repeat(64);
        overwriteDigest(file, forged);
        assertEquals(forged, digests.digest(file, buffer));

        // an upload replaces the file with a new one (rename over it): a new digest
        byte[] other = random(content.length, 2);
        Path replacement = Files.write(dir.resolve("replacement"), other);
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(sha256(other), digests.digest(file, buffer));
    }

    @Test
    void aChangeInPlaceThatMovesTheModificationTimeVoidsTheRecord() throws Exception {
        Path file = dir.resolve("edited.bin");
        byte[] content = random(FileDigests.REMEMBER_FROM, 3);
        Files.write(file, content);
        assertEquals(sha256(content), digests.digest(file, buffer));
        content[10] ^= 1;
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(sha256(content), digests.digest(file, buffer));
    }

    @Test
    void aDigestKnownFromAnUploadIsTakenWithoutReading() throws Exception {
        assumeTrue(supportsUserAttributes(), "the temporary directory's file system has no user xattrs");
        Path file = Files.write(dir.resolve("uploaded.bin"), random(FileDigests.REMEMBER_FROM, 4));
        String claimed = "ab".repeat(32);
        digests.remember(file, claimed);
        assertEquals(claimed, digests.digest(file, buffer));
        assertNotEquals(claimed, sha256(Files.readAllBytes(file)));
    }

    private boolean supportsUserAttributes() throws Exception {
        Path probe = Files.writeString(dir.resolve("probe"), "x");
        try {
            Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class)
                    .write("filedock.probe", StandardCharsets.US_ASCII.encode("1"));
            return true;
        } catch (Exception e) {
            return false;
        } finally {
            Files.delete(probe);
        }
    }

    private static java.util.Optional<String> attribute(Path file) throws Exception {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        if (!view.list().contains(FileDigests.ATTRIBUTE)) {
            return java.util.Optional.empty();
        }
        ByteBuffer value = ByteBuffer.allocate(view.size(FileDigests.ATTRIBUTE));
        view.read(FileDigests.ATTRIBUTE, value);
        return java.util.Optional.of(new String(value.array(), StandardCharsets.US_ASCII));
    }

    private static void overwriteDigest(Path file, String hex) throws Exception {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String stamp = attributes.size() + " " + attributes.lastModifiedTime() + " ";
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class)
                .write(FileDigests.ATTRIBUTE, StandardCharsets.US_ASCII.encode(stamp + hex));
    }

    private static byte[] random(long size, long seed) {
        byte[] bytes = new byte[(int) size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Sha256.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
