package org.filedock.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.filedock.cli.client.ConnectionSettings;
import org.filedock.cli.login.PasswordSource;
import org.filedock.cli.testing.FakePeer;
import org.filedock.cli.testing.FakeServer;
import org.filedock.cli.testing.TestCertificate;
import org.filedock.cli.tls.Fingerprint;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell on a real JLine terminal fed by a script of keystrokes. */
class InteractiveModeTest {

    private static final ConnectionSettings QUICK = new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(5));

    @TempDir
    Path home;

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void firstContactAsksLoginPromptsWithoutEchoAndNoPasswordReachesTheHistory() throws Exception {
        Fingerprint fingerprint = Fingerprint.of(TestCertificate.loopback().certificate());
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), peer -> peer.greet()
                .answer("LOGIN alice s3cret", "OK@Logged in as alice")
                .answer("PWD", "OK@/")
                .answer("DISCONNECT", "DISCONNECTED@Goodbye"))) {
            String where = "127.0.0.1:" + server.port();
            runShell("CONNECT 127.0.0.1 " + server.port() + " --tls", "maybe", "yes", "LOGIN alice", "s3cret",
                    "LOGIN alice hunter2", "PWD", "DISCONNECT", "EXIT");
            server.verify();

            String shown = screen.toString(StandardCharsets.UTF_8);
            assertTrue(shown.contains("Its fingerprint is " + fingerprint), shown);
            assertTrue(shown.contains("Please type yes or no."), shown);
            assertTrue(shown.contains("Password for alice: "), shown);
            assertTrue(shown.contains("filedock alice@" + where + ":/> "), shown);
            assertFalse(shown.contains("s3cret"), shown);
            assertEquals(List.of(where + " " + fingerprint), Files.readAllLines(home.resolve(".filedock/known_hosts")));
        }
        assertEquals(List.of("Welcome to the server (fake)", "Logged in as alice", "/", "Goodbye"),
                out.toString(StandardCharsets.UTF_8).lines().toList());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: LOGIN takes no password on its line"));
        String history = Files.readString(home.resolve(".filedock_history"));
        for (String kept : List.of("CONNECT 127.0.0.1", "LOGIN alice", "PWD", "DISCONNECT")) {
            assertTrue(history.contains(kept), history);
        }
        for (String secret : List.of("s3cret", "hunter2", "maybe", "yes")) {
            assertFalse(history.contains(secret), history);
        }
    }

    @Test
    void aRejectedServerIsNotSavedAndTheShellGoesOn() throws Exception {
        int port;
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), FakePeer::greetAndExpectNothing)) {
            port = server.port();
            runShell("CONNECT 127.0.0.1 " + port + " --tls", "no", "EXIT");
            server.verify();
        }
        assertEquals("error: cannot connect to 127.0.0.1:" + port + ": the certificate of 127.0.0.1:" + port
                + " was not accepted\n", err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(home.resolve(".filedock/known_hosts")));
    }

    private void runShell(String... lines) throws Exception {
        byte[] keys = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        ShellSetup setup = new ShellSetup(QUICK, home, null, null, home.resolve(".filedock/known_hosts"), null,
                PasswordSource.NONE, true, 3, true);
        CliEnvironment env = new CliEnvironment(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                true, Map.of(), home);
        try (Terminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(keys), screen,
                StandardCharsets.UTF_8)) {
            assertEquals(InteractiveMode.SUCCESS, InteractiveMode.run(setup, env, terminal));
        }
    }
}
