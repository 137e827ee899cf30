package org.filedock.cli.client;

import static org.filedock.cli.client.TransferFixtures.connect;
import static org.filedock.cli.client.TransferFixtures.filesIn;
import static org.filedock.cli.client.TransferFixtures.randomBytes;
import static org.filedock.cli.client.TransferFixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.filedock.cli.testing.FakeServer;
import org.filedock.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code UPLOAD ... resume} and {@code DOWNLOAD <path> <offset>} into the kept partial file. */
class ResumedTransferTest {

    @TempDir
    Path dir;

    @Test
    void aResumedUploadSendsTheLocalFileFromTheServersOffset() throws Exception {
        byte[] content = randomBytes(3 * 1024 * 1024 + 9);
        int offset = 2 * 1024 * 1024 + 100;
        Path local = Files.write(dir.resolve("big.bin"), content);
        AtomicReference<byte[]> received = new AtomicReference<>();
        RecordingListener listener = new RecordingListener();
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("UPLOAD big.bin " + content.length + " resume sha256=" + sha256(content),
                    "OK@Ready " + offset);
            received.set(peer.readBytes(content.length - offset));
            peer.send("OK@File uploaded");
        }); FileDockClient client = connect(server)) {
            Transferred done = client.upload(local, "big.bin", Verification.VERIFIED, true, listener);
            assertEquals(new Transferred("File uploaded", sha256(content), offset), done);
            server.verify();
        }
        assertArrayEquals(Arrays.copyOfRange(content, offset, content.length), received.get());
        assertEquals(content.length - offset, listener.total);
    }

    @Test
    void aResumableUploadWithNothingHeldSendsEverything() throws Exception {
        byte[] content = randomBytes(4000);
        Path local = Files.write(dir.resolve("a.bin"), content);
        AtomicReference<byte[]> received = new AtomicReference<>();
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("UPLOAD a.bin 4000 resume", "OK@Ready 0");
            received.set(peer.readBytes(content.length));
            peer.send("OK@File uploaded");
        }); FileDockClient client = connect(server)) {
            assertEquals(new Transferred("File uploaded", null, 0),
                    client.upload(local, "a.bin", Verification.UNVERIFIED, true, TransferListener.NONE));
            server.verify();
        }
        assertArrayEquals(content, received.get());
    }

    @Test
    void anOffsetBeyondTheLocalFileIsAProtocolError() throws Exception {
        Path local = Files.write(dir.resolve("a.bin"), randomBytes(10));
        try (FakeServer server = FakeServer.start(peer -> peer.greet().answer("UPLOAD a.bin 10 resume", "OK@Ready 11"));
             FileDockClient client = connect(server)) {
            assertThrows(ProtocolException.class,
                    () -> client.upload(local, "a.bin", Verification.UNVERIFIED, true, TransferListener.NONE));
            assertFalse(client.isOpen());
            server.verify();
        }
    }

    @Test
    void aBrokenResumableDownloadKeepsItsPartialAndTheNextGoesOnFromItsEnd() throws Exception {
        byte[] content = randomBytes(2 * 1024 * 1024 + 77);
        int cut = 1024 * 1024 + 5;
        Path target = dir.resolve("d.bin");
        Path partial = dir.resolve(".filedock-d.bin.part");
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("DOWNLOAD d.bin", "OK@" + content.length).sendBytes(Arrays.copyOf(content, cut));
            peer.close();
        }); FileDockClient client = connect(server)) {
            assertThrows(ConnectionClosedException.class,
                    () -> client.download("d.bin", target, Verification.VERIFIED, true, TransferListener.NONE));
            server.verify();
        }
        assertEquals(List.of(partial), filesIn(dir));
        assertArrayEquals(Arrays.copyOf(content, cut), Files.readAllBytes(partial));

        RecordingListener listener = new RecordingListener();
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("DOWNLOAD d.bin " + cut, "OK@" + (content.length - cut))
                    .sendBytes(Arrays.copyOfRange(content, cut, content.length));
            peer.answer("COMPLETE", "OK@Download complete").answer("HASH d.bin", "OK@sha256 " + sha256(content));
        }); FileDockClient client = connect(server)) {
            Transferred done = client.download("d.bin", target, Verification.VERIFIED, true, listener);
            assertEquals(new Transferred("Download complete", sha256(content), cut), done);
            server.verify();
        }
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of(target), filesIn(dir));
        assertEquals(content.length - cut, listener.total);
    }

    @Test
    void aResumedDownloadWhoseWholeDigestDiffersDeletesThePartial() throws Exception {
        byte[] content = randomBytes(1000);
        Path target = dir.resolve("d.bin");
        Files.write(dir.resolve(".filedock-d.bin.part"), randomBytes(400)); // not the start of content
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("DOWNLOAD d.bin 400", "OK@600").sendBytes(Arrays.copyOfRange(content, 400, 1000));
            peer.answer("COMPLETE", "OK@Download complete").answer("HASH d.bin", "OK@sha256 " + sha256(content));
        }); FileDockClient client = connect(server)) {
            assertThrows(DigestMismatchException.class,
                    () -> client.download("d.bin", target, Verification.VERIFIED, true, TransferListener.NONE));
            server.verify();
        }
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void aPartialLongerThanTheServersFileIsDropped() throws Exception {
        Path target = dir.resolve("d.bin");
        Files.write(dir.resolve(".filedock-d.bin.part"), randomBytes(400));
        try (FakeServer server = FakeServer.start(peer -> peer.greet()
                .answer("DOWNLOAD d.bin 400", "ERR@BAD_REQUEST offset 400 is beyond the end (300 bytes)"));
             FileDockClient client = connect(server)) {
            ServerErrorException error = assertThrows(ServerErrorException.class,
                    () -> client.download("d.bin", target, Verification.VERIFIED, true, TransferListener.NONE));
            assertEquals("BAD_REQUEST", error.code());
            server.verify();
        }
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void aResumableDownloadTheServerRefusesLeavesNoEmptyPartial() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet().answer("DOWNLOAD gone.bin",
                "ERR@NOT_FOUND /gone.bin not found"));
             FileDockClient client = connect(server)) {
            assertThrows(ServerErrorException.class, () -> client.download("gone.bin", dir.resolve("gone.bin"),
                    Verification.VERIFIED, true, TransferListener.NONE));
            server.verify();
        }
        assertEquals(List.of(), filesIn(dir));
    }
}
