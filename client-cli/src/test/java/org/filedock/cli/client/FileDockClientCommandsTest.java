package org.filedock.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.filedock.cli.testing.FakeServer;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

class FileDockClientCommandsTest {

    private static final ConnectionSettings QUICK = new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(5));

    @Test
    void anErrorReplyBecomesAServerErrorAndTheSessionGoesOn() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet()
                .answer("DELETE /x", "ERR@NOT_FOUND /x not found").answer("PWD", "OK@/"));
             FileDockClient client = connect(server)) {
            ServerErrorException error = assertThrows(ServerErrorException.class, () -> client.delete("/x"));
            assertEquals("NOT_FOUND /x not found", error.getMessage());
            assertEquals(ErrorCode.NOT_FOUND, error.errorCode());
            assertEquals("/x not found", error.reply().text());
            assertTrue(client.isOpen());
            assertEquals("/", client.pwd());
            server.verify();
        }
    }

    @Test
    void anUnknownErrorCodeIsKeptAsSent() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet().answer("MKDIR a", "ERR@SOMETHING_NEW oh"));
             FileDockClient client = connect(server)) {
            ServerErrorException error = assertThrows(ServerErrorException.class, () -> client.mkdir("a"));
            assertEquals("SOMETHING_NEW", error.code());
            assertNull(error.errorCode());
            server.verify();
        }
    }

    @Test
    void aDisconnectedReplyClosesTheClient() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet().answer("RMDIR a", "DISCONNECTED@shutting down"));
             FileDockClient client = connect(server)) {
            ConnectionClosedException closed = assertThrows(ConnectionClosedException.class, () -> client.rmdir("a"));
            assertEquals("shutting down", closed.reply().orElseThrow().text());
            assertFalse(client.isOpen());
            assertThrows(ConnectionClosedException.class, client::pwd);
            server.verify();
        }
    }

    @Test
    void aServerThatTimedOutTheSessionIsNoticedBeforeSending() throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch timedOut = new CountDownLatch(1);
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet();
            assertTrue(connected.await(5, TimeUnit.SECONDS));
            peer.send("ERR@TIMEOUT idle timeout").send("DISCONNECTED@idle timeout");
            timedOut.countDown();
            String request = peer.readLine();
            if (request != null) {
                throw new AssertionError("the client sent " + request + " to a closed session");
            }
        }); FileDockClient client = connect(server)) {
            connected.countDown();
            assertTrue(timedOut.await(5, TimeUnit.SECONDS));
            Thread.sleep(200);
            ConnectionClosedException closed = assertThrows(ConnectionClosedException.class, client::pwd);
            assertEquals("disconnected by server: idle timeout", closed.getMessage());
            assertFalse(client.isOpen());
            server.verify();
        }
    }

    @Test
    void aTimeoutReplyClosesTheClient() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet()
                .answer("PWD", "ERR@TIMEOUT idle timeout").send("DISCONNECTED@idle timeout"));
             FileDockClient client = connect(server)) {
            ServerErrorException error = assertThrows(ServerErrorException.class, client::pwd);
            assertEquals(ErrorCode.TIMEOUT, error.errorCode());
            assertFalse(client.isOpen());
            server.verify();
        }
    }

    @Test
    void aFullServerRefusesAtTheGreeting() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.send("ERR@LIMIT too many connections"))) {
            ServerErrorException error = assertThrows(ServerErrorException.class, () -> connect(server));
            assertEquals(ErrorCode.LIMIT, error.errorCode());
            server.verify();
        }
    }

    @Test
    void dirReturnsTheEntriesAnnouncedByTheCount() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet()
                .answer("DIR \"my docs\"", "OK@2")
                .send("d 0 2026-11-24T21:07:05Z sub")
                .send("f 1024 2026-11-24T21:07:06Z a file.txt")
                .answer("DIR", "OK@0"));
             FileDockClient client = connect(server)) {
            assertEquals(List.of(
                    new DirEntry(DirEntry.Type.DIRECTORY, 0, Instant.parse("2026-11-24T21:07:05Z"), "sub"),
                    new DirEntry(DirEntry.Type.FILE, 1024, Instant.parse("2026-11-24T21:07:06Z"), "a file.txt")),
                    client.dir("my docs"));
            assertEquals(List.of(), client.dir(null));
            server.verify();
        }
    }

    @Test
    void chdirAndPwdTrackTheCurrentDirectory() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet()
                .answer("CHDIR docs", "OK@Directory changed to /docs")
                .answer("CHDIR ..", "OK@moved somewhere")
                .answer("PWD", "OK@/")
                .answer("MOVE a.txt /docs", "OK@a.txt moved to /docs"));
             FileDockClient client = connect(server)) {
            assertEquals("/", client.currentDirectory());
            assertEquals("Directory changed to /docs", client.chdir("docs"));
            assertEquals("/docs", client.currentDirectory());
            client.chdir("..");
            assertEquals("/", client.currentDirectory());
            assertEquals("a.txt moved to /docs", client.move("a.txt", "/docs"));
            server.verify();
        }
    }

    @Test
    void disconnectReturnsTheGoodbyeAndCloses() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet().answer("DISCONNECT", "DISCONNECTED@Goodbye"));
             FileDockClient client = connect(server)) {
            assertEquals("Goodbye", client.disconnect());
            assertFalse(client.isOpen());
            server.verify();
        }
    }

    @Test
    void aRequestTooLongForTheServerIsNotSent() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet().answer("PWD", "OK@/"));
             FileDockClient client = connect(server)) {
            assertThrows(InvalidRequestException.class, () -> client.mkdir("x".repeat(9000)));
            assertThrows(InvalidRequestException.class, () -> client.mkdir("two\nlines"));
            assertTrue(client.isOpen());
            assertEquals("/", client.pwd());
            server.verify();
        }
    }

    private static FileDockClient connect(FakeServer server) throws IOException {
        return FileDockClient.connect(server.host(), server.port(), QUICK);
    }
}
