package org.filedock.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.filedock.cli.run.CliEnvironment;
import org.filedock.cli.testing.FakeServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program as a script runs it: stdin or -c commands, plain output, an exit status. */
class ScriptModeTest {

    /** The line printed after each transfer: bytes, time, mean rate. */
    private static final String SUMMARY = "[0-9.]+ (B|KiB|MiB|GiB) in [0-9.]+ s, [0-9.]+ (B|KiB|MiB|GiB)/s.*";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void everyCommandSucceedingExitsWithZeroAndDisconnectsAtTheEnd() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet()
                .answer("PWD", "OK@/")
                .answer("MKDIR \"new dir\"", "OK@new dir created")
                .answer("CHDIR \"new dir\"", "OK@Directory changed to /new dir")
                .answer("DIR", "OK@1").send("f 5 2026-11-24T21:07:05Z a b.txt")
                .answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            int status = run("# a comment\n\nPWD\nmkdir \"new dir\"\nCD \"new dir\"\nDIR\n", hostArgs(server));
            server.verify();
            assertEquals(0, status, stderr());
        }
        assertEquals(List.of("Welcome to the server (fake)", "/", "new dir created", "Directory changed to /new dir",
                "TYPE  SIZE  MODIFIED              NAME",
                "file     5  2026-11-24T21:07:05Z  a b.txt",
                "Goodbye"), stdoutLines());
        assertEquals("", stderr());
    }

    @Test
    void theUsageSubcommandConnectsRunsUsageOnceAndExits() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet()
                .answer("USAGE", "OK@1288490189 10737418240")
                .answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(hostArgs(server)),
                    java.util.stream.Stream.of("usage")).toArray(String[]::new);
            int status = run("PWD\n", args); // standard input is not read
            server.verify();
            assertEquals(0, status, stderr());
        }
        assertEquals(List.of("Welcome to the server (fake)", "1.2 GiB of 10 GiB used (12 %)", "Goodbye"), stdoutLines());
    }

    @Test
    void aFailedCommandGivesStatusOneButTheScriptGoesOn() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet()
                .answer("DELETE /x", "ERR@NOT_FOUND /x not found")
                .answer("PWD", "OK@/")
                .answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            int status = run("DELETE /x\nPWD\nDISCONNECT\n", hostArgs(server));
            server.verify();
            assertEquals(1, status);
        }
        assertEquals("error: NOT_FOUND /x not found\n", stderr());
        assertEquals(List.of("Welcome to the server (fake)", "/", "Goodbye"), stdoutLines());
    }

    @Test
    void commandsGivenWithDashCAreRunAndStandardInputIsNotRead() {
        int status = run("BOGUS\n", "-c", "HELP PWD", "-c", "help exit");
        assertEquals(0, status, stderr());
        assertEquals(List.of("show the current directory", "leave the program, once disconnected; also QUIT"),
                stdoutLines());
    }

    @Test
    void aServerCommandWithoutAConnectionFails() {
        assertEquals(1, run("", "-c", "PWD"));
        assertTrue(stderr().startsWith("error: not connected"), stderr());
    }

    @Test
    void exitIsRefusedWhileConnectedAndStopsTheScriptOtherwise() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("DISCONNECT", "DISCONNECTED@Goodbye");
            String more = peer.readLine();
            if (more != null) {
                throw new AssertionError("unexpected request after DISCONNECT: " + more);
            }
        })) {
            int status = run("EXIT\nDISCONNECT\nEXIT\nBOGUS\n", hostArgs(server));
            server.verify();
            assertEquals(1, status);
        }
        assertEquals("error: Please disconnect from server first\n", stderr());
    }

    @Test
    void exitAfterSuccessesEndsWithZero() {
        assertEquals(0, run("HELP\nEXIT\nBOGUS\n"));
        assertEquals("", stderr());
    }

    @Test
    void uploadAndDownloadMoveTheExactBytesProvenBySha256() throws Exception {
        byte[] content = "hello, FileDock\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(content);
        Path local = Files.write(dir.resolve("my file.txt"), content);
        Path downloads = Files.createDirectory(dir.resolve("downloads"));
        AtomicReference<byte[]> uploaded = new AtomicReference<>();
        try (FakeServer server = FakeServer.start(peer -> {
            // verified, hence resumable by default: the server answers where to go on from
            peer.greet().answer("UPLOAD \"my file.txt\" " + content.length + " resume sha256=" + sha256, "OK@Ready 0");
            uploaded.set(peer.readBytes(content.length));
            peer.send("OK@File uploaded");
            peer.answer("DOWNLOAD \"my file.txt\"", "OK@" + content.length).sendBytes(content);
            peer.answer("COMPLETE", "OK@Download complete");
            peer.answer("HASH \"my file.txt\"", "OK@sha256 " + sha256);
            peer.answer("DISCONNECT", "DISCONNECTED@Goodbye");
        })) {
            String script = "UPLOAD \"" + local + "\"\nDOWNLOAD \"my file.txt\"\n";
            int status = run(script, "-H", server.host(), "--port", Integer.toString(server.port()),
                    "--download-dir", downloads.toString());
            server.verify();
            assertEquals(0, status, stderr());
        }
        assertArrayEquals(content, uploaded.get());
        assertArrayEquals(content, Files.readAllBytes(downloads.resolve("my file.txt")));
        List<String> lines = stdoutLines();
        assertEquals(6, lines.size(), lines.toString());
        assertEquals(List.of("Welcome to the server (fake)", "File uploaded"), lines.subList(0, 2));
        assertTrue(lines.get(2).matches(SUMMARY), lines.get(2));
        assertTrue(lines.get(2).startsWith("15.6 KiB in "), lines.get(2));
        assertTrue(lines.get(2).endsWith(", sha256 " + sha256), lines.get(2));
        assertEquals("Download complete", lines.get(3));
        assertTrue(lines.get(4).matches(SUMMARY), lines.get(4));
        assertTrue(lines.get(4).endsWith(", sha256 " + sha256), lines.get(4));
        assertEquals("Goodbye", lines.get(5));
    }

    @Test
    void aDownloadWhoseDigestDiffersFailsAndSavesNothing() throws Exception {
        byte[] content = "the bytes that arrived\n".getBytes(StandardCharsets.UTF_8);
        Path downloads = Files.createDirectory(dir.resolve("downloads"));
        String otherDigest = "ab".repeat(32);
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("DOWNLOAD a.txt", "OK@" + content.length).sendBytes(content);
            peer.answer("COMPLETE", "OK@Download complete");
            peer.answer("HASH a.txt", "OK@sha256 " + otherDigest);
            peer.answer("PWD", "OK@/");
            peer.answer("DISCONNECT", "DISCONNECTED@Goodbye");
        })) {
            int status = run("DOWNLOAD a.txt\nPWD\n", "-H", server.host(), "--port", Integer.toString(server.port()),
                    "--download-dir", downloads.toString());
            server.verify();
            assertEquals(1, status);
        }
        assertEquals("error: sha256 mismatch for a.txt: received " + sha256(content) + ", the server has " + otherDigest
                + " (damaged in transit, or the file changed on the server meanwhile); nothing saved\n", stderr());
        assertEquals(List.of("Welcome to the server (fake)", "/", "Goodbye"), stdoutLines());
        try (var listing = Files.list(downloads)) {
            assertEquals(List.of(), listing.toList());
        }
    }

    @Test
    void anUploadTheServerFindsCorruptIsAnErrorAndTheSessionGoesOn() throws Exception {
        byte[] content = "some bytes\n".getBytes(StandardCharsets.UTF_8);
        Path local = Files.write(dir.resolve("b.txt"), content);
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("UPLOAD b.txt " + content.length + " resume sha256=" + sha256(content), "OK@Ready 0");
            peer.readBytes(content.length);
            peer.send("ERR@CORRUPT checksum mismatch");
            peer.answer("PWD", "OK@/");
            peer.answer("DISCONNECT", "DISCONNECTED@Goodbye");
        })) {
            int status = run("UPLOAD \"" + local + "\"\nPWD\n", hostArgs(server));
            server.verify();
            assertEquals(1, status);
        }
        assertEquals("error: CORRUPT checksum mismatch\n", stderr());
        assertEquals(List.of("Welcome to the server (fake)", "/", "Goodbye"), stdoutLines());
    }

    @Test
    void noVerifyOnACommandSendsNoDigestAndAsksNoHash() throws Exception {
        byte[] content = "unproven\n".getBytes(StandardCharsets.UTF_8);
        Path local = Files.write(dir.resolve("c.txt"), content);
        Path downloads = Files.createDirectory(dir.resolve("downloads"));
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("UPLOAD c.txt " + content.length, "OK@Ready");
            peer.readBytes(content.length);
            peer.send("OK@File uploaded");
            peer.answer("DOWNLOAD c.txt", "OK@" + content.length).sendBytes(content);
            peer.answer("COMPLETE", "OK@Download complete");
            peer.answer("DISCONNECT", "DISCONNECTED@Goodbye");
        })) {
            int status = run("UPLOAD --no-verify \"" + local + "\"\nDOWNLOAD c.txt --no-verify\n", "-H", server.host(),
                    "--port", Integer.toString(server.port()), "--download-dir", downloads.toString());
            server.verify();
            assertEquals(0, status, stderr());
        }
        assertArrayEquals(content, Files.readAllBytes(downloads.resolve("c.txt")));
        List<String> lines = stdoutLines();
        assertTrue(lines.get(2).endsWith(", not verified"), lines.get(2));
        assertTrue(lines.get(4).endsWith(", not verified"), lines.get(4));
    }

    @Test
    void resumeOnACommandAsksForTheServersOffsetAndSaysWhereItWentOn() throws Exception {
        byte[] content = "resumable\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        Path local = Files.write(dir.resolve("r.txt"), content);
        AtomicReference<byte[]> uploaded = new AtomicReference<>();
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("UPLOAD r.txt " + content.length + " resume sha256=" + sha256(content), "OK@Ready 600");
            uploaded.set(peer.readBytes(content.length - 600));
            peer.send("OK@File uploaded");
            peer.answer("DISCONNECT", "DISCONNECTED@Goodbye");
        })) {
            int status = run("UPLOAD --resume \"" + local + "\"\n", hostArgs(server));
            server.verify();
            assertEquals(0, status, stderr());
        }
        assertEquals(content.length - 600, uploaded.get().length);
        String summary = stdoutLines().get(2);
        assertTrue(summary.matches(SUMMARY) && summary.startsWith("400 B in ")
                && summary.endsWith(", resumed at byte 600, sha256 " + sha256(content)), summary);
    }

    @Test
    void anUnknownTransferOptionIsRefusedBeforeAnythingIsSent() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet().answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            int status = run("DOWNLOAD --fast a.txt\n", hostArgs(server));
            server.verify();
            assertEquals(1, status);
        }
        assertEquals("error: unknown option --fast; usage: DOWNLOAD [--no-verify] [--resume|--no-resume] path\n", stderr());
    }

    @Test
    void rateLogOptionWritesACsvFilePerTransferAndNamesItInTheSummary() throws Exception {
        byte[] content = new byte[300_000];
        Path local = Files.write(dir.resolve("data.bin"), content);
        Path logs = Files.createDirectory(dir.resolve("logs"));
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("UPLOAD data.bin " + content.length, "OK@Ready");
            peer.readBytes(content.length);
            peer.send("OK@File uploaded");
            peer.answer("DISCONNECT", "DISCONNECTED@Goodbye");
        })) {
            int status = run("UPLOAD \"" + local + "\"\n", "-H", server.host(), "--port", Integer.toString(server.port()),
                    "--rate-log", logs.toString(), "--no-verify");
            server.verify();
            assertEquals(0, status, stderr());
        }
        List<Path> files;
        try (var listing = Files.list(logs)) {
            files = listing.toList();
        }
        assertEquals(1, files.size(), files.toString());
        Path log = files.get(0);
        assertTrue(log.getFileName().toString().matches("\\d{8}-\\d{6}-upload-data\\.bin\\.csv"), log.toString());
        List<String> rows = Files.readAllLines(log);
        assertEquals("seconds,rate,rolling_average", rows.get(0));
        assertTrue(rows.size() >= 2, rows.toString());
        assertTrue(rows.get(1).matches("\\d+\\.\\d{3},\\d+\\.\\d,\\d+\\.\\d"), rows.get(1));
        List<String> lines = stdoutLines();
        assertEquals("File uploaded", lines.get(1));
        String summary = lines.get(2);
        assertTrue(summary.matches(SUMMARY) && summary.startsWith("293.0 KiB in ")
                && summary.endsWith(", not verified (rate log " + log + ")"), summary);
    }

    @Test
    void aMissingLocalFileFailsWithoutTroublingTheServer() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet().answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            int status = run("UPLOAD " + dir.resolve("absent.txt") + "\n", hostArgs(server));
            server.verify();
            assertEquals(1, status);
        }
        assertEquals("error: no such local file: " + dir.resolve("absent.txt") + "\n", stderr());
    }

    @Test
    void aServerThatCannotBeReachedAtStartFails() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(1, run("", "-H", "127.0.0.1", "-p", Integer.toString(closedPort), "-c", "HELP"));
        assertTrue(stderr().startsWith("error: cannot connect to 127.0.0.1:" + closedPort), stderr());
    }

    @Test
    void invalidOptionsGiveStatusTwo() {
        assertEquals(2, run("", "--port", "7021"));
        assertEquals(2, run("", "-H", "localhost", "--port", "0"));
        assertEquals(2, run("", "--download-dir", dir.resolve("absent").toString()));
        assertEquals(2, run("", "--rate-log", dir.resolve("absent").toString()));
        assertEquals(2, run("", "--no-such-option"));
    }

    @Test
    void helpDescribesOptionsCommandsAndExitCodes() {
        assertEquals(0, run("", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String expected : List.of("--host", "--port", "--download-dir", "--rate-log", "-c",
                "--no-verify", "--no-resume", "UPLOAD [--no-verify] [--resume|--no-resume] localpath [remotepath]", "RATELOG [on [dir] | off]",
                "Exit status", "like sh without")) {
            assertTrue(help.replace('\n', ' ').replaceAll(" +", " ").contains(expected), expected);
        }
        assertFalse(help.contains("\u001b["));
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private int run(String stdin, String... args) {
        out.reset();
        err.reset();
        CliEnvironment env = new CliEnvironment(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return FileDockCli.run(args, env);
    }

    private static String[] hostArgs(FakeServer server) {
        return new String[] {"--host", server.host(), "-p", Integer.toString(server.port())};
    }

    private List<String> stdoutLines() {
        return new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
