package org.filedock.cli.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.filedock.cli.client.TransferFixtures.connect;
import static org.filedock.cli.client.TransferFixtures.filesIn;
import static org.filedock.cli.client.TransferFixtures.randomBytes;
import static org.filedock.cli.client.TransferFixtures.sha256;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.filedock.cli.testing.FakeServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UPLOAD with {@code sha256=} and DOWNLOAD checked against {@code HASH}, against a scripted server on a real socket. */
class VerifiedTransferTest {

    @TempDir
    Path dir;

    @Test
    void aVerifiedUploadAnnouncesTheLocalFilesDigestBeforeTheBytes() throws Exception {
        byte[] content = randomBytes(2 * 1024 * 1024 + 3);
        Path local = Files.write(dir.resolve("big.bin"), content);
        AtomicReference<byte[]> received = new AtomicReference<>();
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("UPLOAD big.bin " + content.length + " sha256=" + sha256(content), "OK@Ready");
            received.set(peer.readBytes(content.length));
            peer.send("OK@File uploaded");
        }); FileDockClient client = connect(server)) {
            Transferred done = client.upload(local, "big.bin", Verification.VERIFIED, TransferListener.NONE);
            assertEquals(new Transferred("File uploaded", sha256(content), 0), done);
            server.verify();
        }
        assertArrayEquals(content, received.get());
    }

    @Test
    void aCorruptReplyIsAServerErrorThatKeepsTheSession() throws Exception {
        byte[] content = randomBytes(1000);
        Path local = Files.write(dir.resolve("a.bin"), content);
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("UPLOAD a.bin 1000 sha256=" + sha256(content), "OK@Ready");
            peer.readBytes(content.length);
            peer.send("ERR@CORRUPT checksum mismatch").answer("PWD", "OK@/");
        }); FileDockClient client = connect(server)) {
            ServerErrorException error = assertThrows(ServerErrorException.class,
                    () -> client.upload(local, "a.bin", Verification.VERIFIED, TransferListener.NONE));
            assertEquals("CORRUPT", error.code());
            assertTrue(client.isOpen());
            assertEquals("/", client.pwd());
            server.verify();
        }
    }

    @Test
    void aVerifiedDownloadComparesWithHashAfterComplete() throws Exception {
        byte[] content = randomBytes(3 * 1024 * 1024 + 11);
        Path target = dir.resolve("d.bin");
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("DOWNLOAD d.bin", "OK@" + content.length).sendBytes(content);
            peer.answer("COMPLETE", "OK@Download complete").answer("HASH d.bin", "OK@sha256 " + sha256(content));
        }); FileDockClient client = connect(server)) {
            Transferred done = client.download("d.bin", target, Verification.VERIFIED, TransferListener.NONE);
            assertEquals(new Transferred("Download complete", sha256(content), 0), done);
            server.verify();
        }
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void aDownloadWhoseDigestDiffersSavesNothingAndKeepsTheOlderFile() throws Exception {
        byte[] content = randomBytes(5000);
        Path target = Files.writeString(dir.resolve("d.bin"), "older");
        String other = "0123456789abcdef".repeat(4);
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("DOWNLOAD d.bin", "OK@" + content.length).sendBytes(content);
            peer.answer("COMPLETE", "OK@Download complete").answer("HASH d.bin", "OK@sha256 " + other.toUpperCase());
            peer.answer("PWD", "OK@/");
        }); FileDockClient client = connect(server)) {
            DigestMismatchException error = assertThrows(DigestMismatchException.class,
                    () -> client.download("d.bin", target, Verification.VERIFIED, TransferListener.NONE));
            assertTrue(error.getMessage().contains("received " + sha256(content) + ", the server has " + other),
                    error.getMessage());
            assertTrue(client.isOpen());
            assertEquals("/", client.pwd());
            server.verify();
        }
        assertEquals("older", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void aHashTheServerRefusesSavesNothing() throws Exception {
        byte[] content = randomBytes(100);
        Path target = dir.resolve("gone.bin");
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("DOWNLOAD gone.bin", "OK@" + content.length).sendBytes(content);
            peer.answer("COMPLETE", "OK@Download complete").answer("HASH gone.bin", "ERR@NOT_FOUND gone.bin not found");
        }); FileDockClient client = connect(server)) {
            ServerErrorException error = assertThrows(ServerErrorException.class,
                    () -> client.download("gone.bin", target, Verification.VERIFIED, TransferListener.NONE));
            assertEquals("NOT_FOUND", error.code());
            server.verify();
        }
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void anUnverifiedDownloadAsksNoHash() throws Exception {
        byte[] content = randomBytes(100);
        Path target = dir.resolve("u.bin");
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("DOWNLOAD u.bin", "OK@" + content.length).sendBytes(content);
            peer.answer("COMPLETE", "OK@Download complete").answer("PWD", "OK@/");
        }); FileDockClient client = connect(server)) {
            Transferred done = client.download("u.bin", target, Verification.UNVERIFIED, TransferListener.NONE);
            assertEquals(new Transferred("Download complete", null, 0), done);
            assertEquals("/", client.pwd());
            server.verify();
        }
        assertArrayEquals(content, Files.readAllBytes(target));
    }
}
