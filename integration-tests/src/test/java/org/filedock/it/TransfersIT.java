package org.filedock.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads and downloads, large and interrupted, and the locks of contract §6 between sessions. */
class TransfersIT extends SessionInOwnDirectory {

    private static final long MIB = 1024 * 1024;

    TransfersIT() {
        super("transfers");
    }

    @Test
    void sixtyFourMebibytesRoundTripByteIdentical() throws IOException {
        long size = 64 * MIB;
        String sent = client.uploadGenerated("big.bin", size, 64);

        assertEquals("OK@" + size, client.call("DOWNLOAD big.bin"));
        Payloads.DigestSink received = new Payloads.DigestSink();
        client.readPayloadTo(received, size);
        assertEquals("OK@Download complete", client.call("COMPLETE"));
        assertEquals(size, received.count());
        assertEquals(sent, received.hex());
    }

    @Test
    void uploadCutOffLeavesNoFileAndNoTemporaryFile() throws Exception {
        try (WireClient uploader = WireClient.connect()) {
            uploader.call("CHDIR " + home);
            assertEquals("OK@Ready", uploader.call("UPLOAD cut.bin 1000000"));
            uploader.sendRaw(new byte[1000]);
        }
        await(() -> temporaryFiles().isEmpty(), "the partial upload is removed");
        assertEquals(List.of(), client.dir(null));
        assertTrue(client.call("DOWNLOAD cut.bin").startsWith("ERR@NOT_FOUND "));
    }

    @Test
    void uploadCutOffKeepsTheOldVersion() throws Exception {
        byte[] old = "old content".getBytes(StandardCharsets.UTF_8);
        client.upload("keep.txt", old);
        try (WireClient uploader = WireClient.connect()) {
            uploader.call("CHDIR " + home);
            assertEquals("OK@Ready", uploader.call("UPLOAD keep.txt 5000"));
            uploader.sendRaw(new byte[100]);
        }
        await(() -> temporaryFiles().isEmpty(), "the partial upload is removed");
        assertArrayEquals(old, client.download("keep.txt"));
    }

    @Test
    void aFileBeingUploadedIsLockedForOthers() throws Exception {
        client.call("MKDIR dir");
        try (WireClient uploader = WireClient.connect(); WireClient other = WireClient.connect()) {
            uploader.call("CHDIR " + home);
            other.call("CHDIR " + home);
            assertEquals("OK@Ready", uploader.call("UPLOAD dir/f.bin 10"));
            uploader.sendRaw(new byte[4]);

            assertTrue(other.call("UPLOAD dir/f.bin 3").startsWith("ERR@BUSY "));
            assertTrue(other.call("DOWNLOAD dir/f.bin").startsWith("ERR@BUSY "));
            assertTrue(other.call("DELETE dir/f.bin").startsWith("ERR@BUSY "));
            assertTrue(other.call("MOVE dir/f.bin .").startsWith("ERR@BUSY "));
            assertTrue(other.call("RMDIR dir").startsWith("ERR@BUSY "));
            other.call("MKDIR elsewhere");
            assertTrue(other.call("MOVE dir elsewhere").startsWith("ERR@BUSY "));

            uploader.sendRaw(new byte[6]);
            assertEquals("OK@File uploaded", uploader.line());
            assertArrayEquals(new byte[10], other.download("dir/f.bin"));
        }
    }

    @Test
    void aFileBeingDownloadedCanBeReadByOthersAndReplacedButNotDeleted() throws Exception {
        long size = 32 * MIB;
        String original = client.uploadGenerated("shared.bin", size, 32);
        client.call("MKDIR target");

        try (WireClient reader = WireClient.connect(); WireClient other = WireClient.connect()) {
            reader.call("CHDIR " + home);
            other.call("CHDIR " + home);
            // the reader takes the first bytes only: the server stays inside the download
            assertEquals("OK@" + size, reader.call("DOWNLOAD shared.bin"));
            reader.readBytes(1024);

            assertTrue(other.call("DELETE shared.bin").startsWith("ERR@BUSY "));
            assertTrue(other.call("MOVE shared.bin target").startsWith("ERR@BUSY "));
            assertTrue(other.call("RMDIR " + home).startsWith("ERR@BUSY "));
            other.upload("small.txt", new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, other.download("small.txt"));

            // a second reader at the same time
            try (WireClient second = WireClient.connect()) {
                second.call("CHDIR " + home);
                assertEquals("OK@" + size, second.call("DOWNLOAD shared.bin"));
                Payloads.DigestSink copy = new Payloads.DigestSink();
                second.readPayloadTo(copy, size);
                assertEquals("OK@Download complete", second.call("COMPLETE"));
                assertEquals(original, copy.hex());
            }

            // replaced while the first reader is still in the middle of it
            byte[] replacement = "new".getBytes(StandardCharsets.UTF_8);
            other.upload("shared.bin", replacement);
            assertArrayEquals(replacement, other.download("shared.bin"));

            Payloads.DigestSink rest = new Payloads.DigestSink();
            reader.readPayloadTo(rest, size - 1024);
            assertEquals("OK@Download complete", reader.call("COMPLETE"));
            assertEquals("OK@File deleted", other.call("DELETE shared.bin"));
        }
    }

    private List<Path> temporaryFiles() {
        return StorageFiles.temporaryFilesUnder(ItConfig.storageRoot());
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
