package org.filedock.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that goes away in the middle of a transfer: the transfer is aborted, its lock
 * released at once, the old version intact and no temporary file left.
 */
class ClientFaultsIT extends SessionInOwnDirectory {

    private static final long MIB = 1 << 20;

    ClientFaultsIT() {
        super("client-faults");
    }

    /** {@code abort}: the connection is reset (RST) instead of closed (FIN). */
    @ParameterizedTest(name = "reset={0}")
    @ValueSource(booleans = {false, true})
    void uploaderGoneMidwayLeavesTheOldVersionAndReleasesTheFile(boolean reset) throws Exception {
        byte[] old = "old version".getBytes(StandardCharsets.UTF_8);
        client.upload("doc.txt", old);
        try (WireClient uploader = WireClient.connect()) {
            uploader.call("CHDIR " + home);
            assertEquals("OK@Ready", uploader.call("UPLOAD doc.txt " + 8 * MIB));
            uploader.sendRaw(new byte[(int) (2 * MIB)]);
            Await.until(() -> !StorageFiles.temporaryFiles(home).isEmpty(), "the upload is being written");
            if (reset) {
                uploader.resetOnClose();
            }
        }
        assertUploadableAndDeletableAgain("doc.txt", old);
    }

    @Test
    void uploadingClientProcessKilledMidwayLeavesNothing() throws Exception {
        Path big = ItConfig.workDirectory().resolve("sparse-" + UUID.randomUUID() + ".bin");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(4096 * MIB); // sparse: costs no disk here, lasts long enough on the wire
        }
        byte[] old = "old version".getBytes(StandardCharsets.UTF_8);
        client.upload("big.bin", old);
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ItConfig.cliJar().toString(), "--host", "127.0.0.1",
                "--port", String.valueOf(ItConfig.filedockPort()),
                // a plain upload: a verified one would hash 4 GiB first and keep a resumable partial
                "-c", "UPLOAD --no-verify " + big + " " + home + "/big.bin")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Await.until(() -> StorageFiles.temporaryFiles(home).stream().anyMatch(ClientFaultsIT::hasData),
                    "the CLI's upload is being written");
        } finally {
            cli.destroyForcibly(); // SIGKILL
            assertTrue(cli.waitFor(10, TimeUnit.SECONDS));
            Files.delete(big);
        }
        assertUploadableAndDeletableAgain("big.bin", old);
    }

    @ParameterizedTest(name = "reset={0}")
    @ValueSource(booleans = {false, true})
    void downloaderGoneMidwayReleasesTheFile(boolean reset) throws Exception {
        long size = 64 * MIB;
        client.uploadGenerated("big.bin", size, 3);
        try (WireClient reader = WireClient.connect()) {
            assertEquals("OK@" + size, reader.call("DOWNLOAD " + home + "/big.bin"));
            reader.readBytes(MIB);
            assertTrue(client.call("DELETE big.bin").startsWith("ERR@BUSY "), "locked while it is read");
            if (reset) {
                reader.resetOnClose();
            }
        }
        Await.until(() -> !client.call("DELETE big.bin").startsWith("ERR@BUSY "), "the download's lock is released");
        assertTrue(client.call("DOWNLOAD big.bin").startsWith("ERR@NOT_FOUND "));
        assertEquals(List.of(), client.dir(null), "nothing is left in the directory");
    }

    /** The file holds {@code old}, no temporary file is left, and UPLOAD and DELETE work at once. */
    private void assertUploadableAndDeletableAgain(String name, byte[] old) throws Exception {
        Await.until(() -> StorageFiles.temporaryFiles(home).isEmpty(), "the partial upload is deleted");
        // the aborted upload deletes its temporary file first, then gives its lock back
        Await.until(() -> !client.call("HASH " + name).startsWith("ERR@BUSY "), "the aborted upload's lock is released");
        assertArrayEquals(old, client.download(name), "the old version is intact");
        assertEquals(1, client.dir(null).size(), "no other entry appeared");
        Await.until(() -> {
            String reply = client.call("UPLOAD " + name + " 3");
            assertTrue(reply.equals("OK@Ready") || reply.startsWith("ERR@BUSY "), reply);
            return reply.equals("OK@Ready");
        }, "the aborted upload's lock is released");
        client.sendRaw(new byte[] {1, 2, 3});
        assertEquals("OK@File uploaded", client.line());
        assertArrayEquals(new byte[] {1, 2, 3}, client.download(name));
        assertEquals("OK@File deleted", client.call("DELETE " + name));
        assertEquals(List.of(), client.dir(null));
    }

    private static boolean hasData(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false; // renamed or deleted meanwhile
        }
    }
}
