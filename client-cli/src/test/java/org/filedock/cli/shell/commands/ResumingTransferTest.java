package org.filedock.cli.shell.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.filedock.cli.client.ConnectionSettings;
import org.filedock.cli.login.PasswordSource;
import org.filedock.cli.progress.TransferDisplay;
import org.filedock.cli.shell.Access;
import org.filedock.cli.shell.CommandInterpreter;
import org.filedock.cli.shell.RateLogSwitch;
import org.filedock.cli.shell.RetryPolicy;
import org.filedock.cli.shell.Session;
import org.filedock.cli.testing.FakePeer;
import org.filedock.cli.testing.FakeServer;
import org.filedock.cli.testing.RecordingOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --resume} transfer whose connection the server cuts: the shell connects again, logs
 * in again, goes back to its directory and goes on from the offset, within its retries.
 */
class ResumingTransferTest {

    private static final ConnectionSettings QUICK = new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(5));
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(2, Duration.ofMillis(10));

    @TempDir
    Path dir;

    private final RecordingOutput output = new RecordingOutput();
    private final List<String> messages = output.messages;
    private final List<String> errors = output.errors;

    @Test
    void anUploadCutTwiceGoesOnTwiceAndIsVerifiedAsAWhole() throws Exception {
        byte[] content = randomBytes(300_000);
        String request = "UPLOAD up.bin " + content.length + " resume sha256=" + sha256(content);
        Path local = Files.write(dir.resolve("up.bin"), content);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (FakeServer server = FakeServer.startSequence(
                peer -> {
                    loggedInAt(peer, true).answer(request, "OK@Ready 0");
                    received.write(peer.readBytes(100_000));
                    peer.close();
                },
                peer -> {
                    loggedInAt(peer, false).answer(request, "OK@Ready 100000");
                    received.write(peer.readBytes(50_000));
                    peer.close();
                },
                peer -> {
                    loggedInAt(peer, false).answer(request, "OK@Ready 150000");
                    received.write(peer.readBytes(150_000));
                    peer.send("OK@File uploaded");
                })) {
            CommandInterpreter shell = connectedShell(server);
            assertTrue(shell.execute("UPLOAD --resume \"" + local + "\""), errors.toString());
            server.verify();
        }
        assertArrayEquals(content, received.toByteArray());
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("connection lost (") && errors.get(0).endsWith("resuming, try 1 of 2"),
                errors.get(0));
        String summary = messages.get(messages.size() - 1);
        assertTrue(summary.endsWith(", resumed at byte 150000, sha256 " + sha256(content)), summary);
    }

    @Test
    void aDownloadCutGoesOnIntoItsPartialFile() throws Exception {
        byte[] content = randomBytes(200_000);
        try (FakeServer server = FakeServer.startSequence(
                peer -> {
                    loggedInAt(peer, true).answer("DOWNLOAD down.bin", "OK@" + content.length)
                            .sendBytes(Arrays.copyOf(content, 70_000));
                    peer.close();
                },
                peer -> {
                    loggedInAt(peer, false).answer("DOWNLOAD down.bin 70000", "OK@130000")
                            .sendBytes(Arrays.copyOfRange(content, 70_000, content.length));
                    peer.answer("COMPLETE", "OK@Download complete").answer("HASH down.bin", "OK@sha256 " + sha256(content));
                })) {
            CommandInterpreter shell = connectedShell(server);
            assertTrue(shell.execute("DOWNLOAD --resume down.bin"), errors.toString());
            server.verify();
        }
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("down.bin")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("down.bin")), files.toList());
        }
        assertEquals(1, errors.size(), errors.toString());
    }

    @Test
    void busyOnAResumedTryIsWaitedFor() throws Exception {
        byte[] content = randomBytes(50_000);
        String request = "UPLOAD up.bin " + content.length + " resume sha256=" + sha256(content);
        Path local = Files.write(dir.resolve("up.bin"), content);
        try (FakeServer server = FakeServer.startSequence(
                peer -> {
                    loggedInAt(peer, true).answer(request, "OK@Ready 0");
                    peer.readBytes(20_000);
                    peer.close();
                },
                peer -> {
                    loggedInAt(peer, false).answer(request, "ERR@BUSY /docs/up.bin is being uploaded");
                    peer.answer(request, "OK@Ready 20000");
                    peer.readBytes(30_000);
                    peer.send("OK@File uploaded");
                })) {
            CommandInterpreter shell = connectedShell(server);
            assertTrue(shell.execute("UPLOAD --resume \"" + local + "\""), errors.toString());
            server.verify();
        }
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("BUSY /docs/up.bin is being uploaded; resuming, try 2 of 2", errors.get(1));
    }

    @Test
    void withoutResumeADroppedConnectionIsAnError() throws Exception {
        byte[] content = randomBytes(100_000);
        try (FakeServer server = FakeServer.startSequence(peer -> {
            loggedInAt(peer, true).answer("DOWNLOAD down.bin", "OK@" + content.length)
                    .sendBytes(Arrays.copyOf(content, 10_000));
            peer.close();
        })) {
            CommandInterpreter shell = connectedShell(server);
            assertFalse(shell.execute("DOWNLOAD --no-resume down.bin"));
            server.verify();
        }
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("before the end of the file"), errors.get(0));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void theRetriesAreBounded() throws Exception {
        byte[] content = randomBytes(100_000);
        FakeServer.Conversation cut = peer -> {
            loggedInAt(peer, false).expect("DOWNLOAD down.bin 10000");
            peer.close();
        };
        try (FakeServer server = FakeServer.startSequence(
                peer -> {
                    loggedInAt(peer, true).answer("DOWNLOAD down.bin", "OK@" + content.length)
                            .sendBytes(Arrays.copyOf(content, 10_000));
                    peer.close();
                }, cut, cut)) {
            CommandInterpreter shell = connectedShell(server);
            assertFalse(shell.execute("DOWNLOAD --resume down.bin"));
            server.verify();
        }
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(1).endsWith("resuming, try 2 of 2"), errors.get(1));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve(".filedock-down.bin.part")), files.toList());
        }
    }

    /** The greeting, and LOGIN and CHDIR as the shell typed them first or as a reconnection repeats them. */
    private static FakePeer loggedInAt(FakePeer peer, boolean first) throws Exception {
        peer.greet().answer("LOGIN alice s3cret", "OK@Logged in as alice");
        return peer.answer(first ? "CHDIR docs" : "CHDIR /docs", "OK@Directory changed to /docs");
    }

    private CommandInterpreter connectedShell(FakeServer server) {
        Access access = new Access(Access.defaults().trust(), PasswordSource.fixed("s3cret".toCharArray()));
        Session session = new Session(output, TransferDisplay.NONE, QUICK, dir, new RateLogSwitch(dir), access);
        session.retryPolicy(QUICK_RETRIES);
        CommandInterpreter shell = new CommandInterpreter(StandardCommands.registry(), session);
        assertTrue(shell.execute("CONNECT " + server.host() + " " + server.port()), errors.toString());
        assertTrue(shell.execute("LOGIN alice"), errors.toString());
        assertTrue(shell.execute("CHDIR docs"), errors.toString());
        return shell;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new Random(count).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
