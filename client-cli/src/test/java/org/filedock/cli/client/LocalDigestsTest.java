package org.filedock.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.filedock.cli.client.TransferFixtures.randomBytes;
import static org.filedock.cli.client.TransferFixtures.sha256;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local files' remembered digests, on the real file system of the temp directory. */
class LocalDigestsTest {

    @TempDir
    Path dir;

    @Test
    void aLargeFilesDigestIsRememberedForItsSizeAndMtime() throws Exception {
        byte[] content = randomBytes(2 * 1024 * 1024);
        Path file = Files.write(dir.resolve("big.bin"), content);
        assumeTrue(supportsAttributes(file), "no user extended attributes in " + dir);
        assertEquals(sha256(content), digestOf(file));
        assertTrue(LocalDigests.recall(file, attributes(file)).isPresent());

        // a remembered value is used as it is: proven by planting a different (valid) digest
        String planted = "0".repeat(64);
        String stamp = Files.size(file) + " " + attributes(file).lastModifiedTime() + " ";
        view(file).write(LocalDigests.ATTRIBUTE, StandardCharsets.US_ASCII.encode(stamp + planted));
        assertEquals(planted, digestOf(file));
    }

    @Test
    void aChangedFileIsHashedAgain() throws Exception {
        byte[] content = randomBytes(2 * 1024 * 1024);
        Path file = Files.write(dir.resolve("big.bin"), content);
        assumeTrue(supportsAttributes(file), "no user extended attributes in " + dir);
        digestOf(file);
        content[5] ^= 1;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content, 5, 1), 5); // same size
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(sha256(content), digestOf(file));
    }

    @Test
    void smallFilesAreNotMarked() throws Exception {
        byte[] content = randomBytes(1000);
        Path file = Files.write(dir.resolve("small.bin"), content);
        assertEquals(sha256(content), digestOf(file));
        assumeTrue(supportsAttributes(file), "no user extended attributes in " + dir);
        assertTrue(view(file).list().isEmpty());
    }

    private static String digestOf(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return LocalDigests.of(file, channel, channel.size());
        }
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }

    private static UserDefinedFileAttributeView view(Path file) {
        return Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
    }

    private static boolean supportsAttributes(Path file) {
        try {
            view(file).write("filedock.probe", ByteBuffer.wrap(new byte[] {1}));
            view(file).delete("filedock.probe");
            return true;
        } catch (IOException | UnsupportedOperationException | NullPointerException e) {
            return false;
        }
    }
}
