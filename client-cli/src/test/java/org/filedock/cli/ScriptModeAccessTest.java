package org.filedock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.filedock.cli.run.CliEnvironment;
import org.filedock.cli.testing.FakePeer;
import org.filedock.cli.testing.FakeServer;
import org.filedock.cli.testing.TestCertificate;
import org.filedock.cli.tls.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Script mode with TLS and accounts: --tls, --trust-fingerprint, --known-hosts, --user, passwords, errors. */
class ScriptModeAccessTest {

    private static final Fingerprint LOOPBACK = Fingerprint.of(TestCertificate.loopback().certificate());
    private static final Fingerprint OTHER = Fingerprint.of(TestCertificate.otherLoopback().certificate());

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Map<String, String> variables = Map.of();

    @TempDir
    Path home;

    @Test
    void connectsOverTlsWithAPinnedFingerprintAndLogsInWithThePasswordFile() throws Exception {
        Path passwordFile = privateFile("s3cret pass\nignored second line\n");
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), peer -> peer.greet()
                .answer("LOGIN alice \"s3cret pass\"", "OK@Logged in as alice")
                .answer("DIR", "OK@0")
                .answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            int status = run(tlsArgs(server, "--trust-fingerprint", LOOPBACK.toString().toUpperCase(),
                    "--user", "alice", "--password-file", passwordFile.toString(), "-c", "DIR"));
            server.verify();
            assertEquals(0, status, stderr());
        }
        assertEquals(List.of("Welcome to the server (fake)", "Logged in as alice", "(empty directory)",
                "Goodbye"), stdoutLines());
        assertFalse(Files.exists(home.resolve(".filedock")), "a pinned server is not saved");
    }

    @Test
    void thePasswordComesFromTheEnvironmentWithoutAFileAndTheFileWinsOverIt() throws Exception {
        variables = Map.of(FileDockCli.PASSWORD_VARIABLE, "from-env");
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), peer -> peer.greet()
                .answer("LOGIN bob from-env", "OK@Logged in as bob").answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            assertEquals(0, run(tlsArgs(server, "--trust-fingerprint", LOOPBACK.toString(), "-u", "bob", "-c", "#")),
                    stderr());
            server.verify();
        }
        Path passwordFile = privateFile("from-file");
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), peer -> peer.greet()
                .answer("LOGIN bob from-file", "OK@Logged in as bob").answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            assertEquals(0, run(tlsArgs(server, "--trust-fingerprint", LOOPBACK.toString(),
                    "--password-file", passwordFile.toString(), "-c", "LOGIN bob")), stderr());
            server.verify();
        }
    }

    @Test
    void aPasswordFileOthersMayReadIsRefusedBeforeConnecting() throws Exception {
        Path passwordFile = Files.writeString(home.resolve("password"), "secret\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(2, run("--password-file", passwordFile.toString(), "-c", "HELP"));
        assertTrue(stderr().contains("--password-file: " + passwordFile + " is readable by others; make it private "
                + "first (chmod 600 " + passwordFile + ")"), stderr());
        assertEquals(2, run("--password-file", privateFile("").toString(), "-c", "HELP"));
        assertTrue(stderr().contains("is empty"), stderr());
    }

    @Test
    void anUnknownServerIsRefusedWithItsFingerprintAndHowToTrustIt() throws Exception {
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), FakePeer::greetAndExpectNothing)) {
            int status = run(tlsArgs(server, "--user", "alice", "-c", "DIR"));
            server.verify();
            assertEquals(1, status);
            String key = "127.0.0.1:" + server.port();
            Path knownHosts = home.resolve(".filedock/known_hosts");
            assertEquals(List.of("error: cannot connect to " + key + ": unknown certificate of " + key + " (" + LOOPBACK
                    + "): the system does not trust it and it is not in " + knownHosts + "; if that is your server's "
                    + "fingerprint, pass --trust-fingerprint " + LOOPBACK + " or add the line \"" + key + " " + LOOPBACK
                    + "\" to " + knownHosts, "error: " + org.filedock.cli.shell.Session.NOT_CONNECTED), stderrLines());
        }
    }

    @Test
    void aServerInTheKnownHostsFileIsTrustedAndAChangedOneIsRefused() throws Exception {
        Path knownHosts = home.resolve("elsewhere/hosts");
        Files.createDirectories(knownHosts.getParent());
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), peer -> peer.greet()
                .answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            Files.writeString(knownHosts, "127.0.0.1:" + server.port() + " " + LOOPBACK + "\n");
            assertEquals(0, run(tlsArgs(server, "--known-hosts", knownHosts.toString(), "-c", "#")), stderr());
            server.verify();
        }
        try (FakeServer server = FakeServer.startTls(TestCertificate.otherLoopback(), FakePeer::greetAndExpectNothing)) {
            Files.writeString(knownHosts, "127.0.0.1:" + server.port() + " " + LOOPBACK + "\n");
            assertEquals(1, run(tlsArgs(server, "--known-hosts", knownHosts.toString(), "-c", "#")));
            server.verify();
            assertEquals(1, stderrLines().size(), stderr());
            assertTrue(stderr().startsWith("error: cannot connect to 127.0.0.1:" + server.port() + ": THE CERTIFICATE OF "
                    + "127.0.0.1:" + server.port() + " HAS CHANGED: known_hosts has " + LOOPBACK + ", the server now shows "
                    + OTHER), stderr());
            assertTrue(stderr().contains("remove line 1 (\"127.0.0.1:" + server.port() + " " + LOOPBACK + "\") from "
                    + knownHosts), stderr());
            assertEquals(List.of("127.0.0.1:" + server.port() + " " + LOOPBACK), Files.readAllLines(knownHosts));
        }
    }

    @Test
    void aLoginLineWithAPasswordIsRefusedAndNothingIsSent() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet().answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            int status = run("-H", server.host(), "-p", Integer.toString(server.port()), "-c", "LOGIN alice hunter2");
            server.verify();
            assertEquals(1, status);
        }
        assertEquals(List.of("error: LOGIN takes no password on its line, where it would be kept in the history or the "
                + "script and seen by others; type LOGIN alice and give the password when asked (scripts: "
                + "FILEDOCK_PASSWORD or --password-file)"), stderrLines());
        assertFalse(stderr().contains("hunter2"));
    }

    @Test
    void loginWithoutAPasswordSourceSaysWhereAScriptGetsOne() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet().answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            assertEquals(1, run("-H", server.host(), "-p", Integer.toString(server.port()), "-c", "LOGIN alice"));
            server.verify();
        }
        assertEquals(List.of("error: no password given for LOGIN alice (scripts: set FILEDOCK_PASSWORD or use "
                + "--password-file FILE)"), stderrLines());
    }

    @Test
    void deniedAuthRequiredAndTooManyFailuresAreEachOneClearLine() throws Exception {
        variables = Map.of(FileDockCli.PASSWORD_VARIABLE, "wrong");
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet().answer("DIR", "ERR@AUTH_REQUIRED login first")
                    .answer("LOGIN alice wrong", "ERR@DENIED invalid user or password")
                    .answer("LOGIN alice wrong", "DISCONNECTED@too many failed logins");
            peer.close();
        })) {
            int status = run("-H", server.host(), "-p", Integer.toString(server.port()),
                    "-c", "DIR", "-c", "LOGIN alice", "-c", "LOGIN alice", "-c", "PWD");
            server.verify();
            assertEquals(1, status);
        }
        assertEquals(List.of("error: AUTH_REQUIRED login first (use LOGIN user)",
                "error: DENIED invalid user or password",
                "error: disconnected by server: too many failed logins",
                "error: " + org.filedock.cli.shell.Session.NOT_CONNECTED), stderrLines());
    }

    @Test
    void aSecondLoginIsRefusedWithoutTroublingTheServer() throws Exception {
        variables = Map.of(FileDockCli.PASSWORD_VARIABLE, "pw");
        try (FakeServer server = FakeServer.start(peer -> peer.greet()
                .answer("LOGIN alice pw", "OK@Logged in as alice").answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            assertEquals(1, run("-H", server.host(), "-p", Integer.toString(server.port()), "--user", "alice",
                    "-c", "LOGIN bob"));
            server.verify();
        }
        assertEquals(List.of("error: already logged in as alice"), stderrLines());
    }

    @Test
    void aTlsConnectionToAPlaintextPortFailsWithOneLine() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet();
            peer.readLine();
        })) {
            assertEquals(1, run(tlsArgs(server, "--trust-fingerprint", LOOPBACK.toString(), "-c", "#")));
        }
        assertEquals(1, stderrLines().size(), stderr());
        assertTrue(stderr().matches("error: cannot connect to 127\\.0\\.0\\.1:\\d+: TLS handshake failed: .*"
                + "\\(is it the server's TLS port\\?\\)\n"), stderr());
    }

    @Test
    void badAccessOptionsGiveStatusTwo() {
        assertEquals(2, run("--trust-fingerprint", "SHA256:abc", "-c", "HELP"));
        assertTrue(stderr().contains("--trust-fingerprint: not a SHA-256 fingerprint: SHA256:abc"), stderr());
        assertEquals(2, run("--tls", "-c", "HELP"));
        assertTrue(stderr().contains("--tls needs --host"), stderr());
        assertEquals(2, run("--user", "alice", "-c", "HELP"));
        assertTrue(stderr().contains("--user needs --host"), stderr());
        assertEquals(2, run("--password-file", home.resolve("absent").toString(), "-c", "HELP"));
    }

    @Test
    void helpDescribesTheAccessOptionsAndLogin() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8).replace('\n', ' ').replaceAll(" +", " ");
        for (String expected : List.of("--tls", "--trust-fingerprint", "--known-hosts", "--user", "--password-file",
                "FILEDOCK_PASSWORD", "CONNECT host [port] [--tls]", "LOGIN user")) {
            assertTrue(help.contains(expected), expected);
        }
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        CliEnvironment env = new CliEnvironment(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, variables, home);
        return FileDockCli.run(args, env);
    }

    private Path privateFile(String content) throws Exception {
        Path file = Files.createTempFile(home, "password", "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return Files.writeString(file, content);
    }

    private static String[] tlsArgs(FakeServer server, String... more) {
        List<String> args = new ArrayList<>(List.of("-H", server.host(), "-p", Integer.toString(server.port()), "--tls"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private List<String> stdoutLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private List<String> stderrLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
