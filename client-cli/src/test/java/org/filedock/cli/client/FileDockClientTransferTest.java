package org.filedock.cli.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.filedock.cli.client.TransferFixtures.connect;
import static org.filedock.cli.client.TransferFixtures.filesIn;
import static org.filedock.cli.client.TransferFixtures.randomBytes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.filedock.cli.testing.FakeServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDockClientTransferTest {

    @TempDir
    Path dir;

    @Test
    void uploadStreamsTheExactBytesAfterReady() throws Exception {
        byte[] content = randomBytes(3 * 1024 * 1024 + 17);
        Path local = Files.write(dir.resolve("my file.bin"), content);
        AtomicReference<byte[]> received = new AtomicReference<>();
        RecordingListener listener = new RecordingListener();
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("UPLOAD \"my file.bin\" " + content.length, "OK@Ready");
            received.set(peer.readBytes(content.length));
            peer.send("OK@File uploaded").answer("PWD", "OK@/");
        }); FileDockClient client = connect(server)) {
            assertEquals("File uploaded", client.upload(local, "my file.bin", listener));
            assertEquals("/", client.pwd());
            server.verify();
        }
        assertArrayEquals(content, received.get());
        assertEquals(content.length, listener.total);
        assertEquals(content.length, listener.last());
        assertEquals(Boolean.TRUE, listener.completed);
    }

    @Test
    void uploadOfAnEmptyFileSendsNoPayload() throws Exception {
        Path local = Files.write(dir.resolve("empty"), new byte[0]);
        try (FakeServer server = FakeServer.start(peer -> peer.greet()
                .answer("UPLOAD empty 0", "OK@Ready").send("OK@File uploaded").answer("PWD", "OK@/"));
             FileDockClient client = connect(server)) {
            assertEquals("File uploaded", client.upload(local, "empty", TransferListener.NONE));
            assertEquals("/", client.pwd());
            server.verify();
        }
    }

    @Test
    void uploadOfAMissingFileSendsNothingAndKeepsTheSession() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet().answer("PWD", "OK@/"));
             FileDockClient client = connect(server)) {
            assertThrows(LocalFileException.class,
                    () -> client.upload(dir.resolve("missing"), "missing", TransferListener.NONE));
            assertTrue(client.isOpen());
            assertEquals("/", client.pwd());
            server.verify();
        }
    }

    @Test
    void downloadWritesTheExactBytesAndConfirmsCompletion() throws Exception {
        byte[] content = randomBytes(2 * 1024 * 1024 + 5);
        RecordingListener listener = new RecordingListener();
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().expect("DOWNLOAD \"docs/a b.bin\"");
            // The size line and the first payload bytes in one write, as a real server may send them.
            peer.sendBytes(concat(("OK@" + content.length + "\n").getBytes(StandardCharsets.UTF_8), content));
            peer.answer("COMPLETE", "OK@Download complete").answer("PWD", "OK@/docs");
        }); FileDockClient client = connect(server)) {
            assertEquals("Download complete", client.download("docs/a b.bin", dir.resolve("a b.bin"), listener));
            assertEquals("/docs", client.pwd());
            server.verify();
        }
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("a b.bin")));
        assertEquals(List.of(dir.resolve("a b.bin")), filesIn(dir));
        assertEquals(content.length, listener.last());
        assertEquals(Boolean.TRUE, listener.completed);
    }

    @Test
    void aDownloadCutShortLeavesNoPartialFile() throws Exception {
        RecordingListener listener = new RecordingListener();
        Path target = dir.resolve("big.bin");
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().expect("DOWNLOAD big.bin").send("OK@1000").sendBytes(randomBytes(500));
            peer.close();
        }); FileDockClient client = connect(server)) {
            assertThrows(ConnectionClosedException.class, () -> client.download("big.bin", target, listener));
            assertFalse(client.isOpen());
            server.verify();
        }
        assertFalse(Files.exists(target));
        assertEquals(List.of(), filesIn(dir));
        assertEquals(Boolean.FALSE, listener.completed);
    }

    @Test
    void aDownloadThatStallsEndsAfterTheReadTimeoutAndLeavesNoPartialFile() throws Exception {
        ConnectionSettings impatient = new ConnectionSettings(Duration.ofSeconds(5), Duration.ofMillis(300));
        Path target = dir.resolve("slow.bin");
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().expect("DOWNLOAD slow.bin").send("OK@1000").sendBytes(randomBytes(500));
            peer.readLine(); // stalls until the client gives up and closes
        }); FileDockClient client = FileDockClient.connect(server.host(), server.port(), impatient)) {
            ConnectionClosedException error = assertThrows(ConnectionClosedException.class,
                    () -> client.download("slow.bin", target, TransferListener.NONE));
            assertTrue(error.getMessage().startsWith("no answer from the server"), error.getMessage());
            assertFalse(client.isOpen());
            server.verify();
        }
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void aRefusedDownloadKeepsTheOlderLocalFile() throws Exception {
        Path target = Files.writeString(dir.resolve("a.txt"), "old");
        try (FakeServer server = FakeServer.start(peer -> peer.greet()
                .answer("DOWNLOAD a.txt", "ERR@NOT_FOUND a.txt not found").answer("PWD", "OK@/"));
             FileDockClient client = connect(server)) {
            ServerErrorException error = assertThrows(ServerErrorException.class,
                    () -> client.download("a.txt", target, TransferListener.NONE));
            assertEquals("NOT_FOUND", error.code());
            assertEquals("/", client.pwd());
            server.verify();
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    private static byte[] concat(byte[] first, byte[] second) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first);
        out.write(second);
        return out.toByteArray();
    }
}
