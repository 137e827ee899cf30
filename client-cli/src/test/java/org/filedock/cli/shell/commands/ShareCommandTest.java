package org.filedock.cli.shell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.filedock.cli.client.ConnectionSettings;
import org.filedock.cli.login.PasswordSource;
import org.filedock.cli.progress.TransferDisplay;
import org.filedock.cli.shell.Access;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandInterpreter;
import org.filedock.cli.shell.RateLogSwitch;
import org.filedock.cli.shell.Session;
import org.filedock.cli.testing.FakeServer;
import org.filedock.cli.testing.RecordingOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareCommandTest {

    private static final ConnectionSettings QUICK = new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(5));
    private static final String URL = "http://127.0.0.1:8080/filedock/s/q1VfAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @TempDir
    Path dir;

    private final RecordingOutput output = new RecordingOutput();

    @Test
    void durationsInEachUnit() throws CommandException {
        assertEquals(90, ShareCommand.seconds("90"));
        assertEquals(90, ShareCommand.seconds("90s"));
        assertEquals(1800, ShareCommand.seconds("30m"));
        assertEquals(43_200, ShareCommand.seconds("12H"));
        assertEquals(604_800, ShareCommand.seconds("7d"));
        assertEquals(1_209_600, ShareCommand.seconds("2w"));
        assertEquals(604_800, ShareCommand.DEFAULT_SECONDS);
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"", "d", "0d", "-1h", "7x", "1.5h", "99999999999999999w"}) {
            assertThrows(CommandException.class, () -> ShareCommand.seconds(bad), bad);
        }
    }

    @Test
    void thePasswordComesFromThePromptAloneAndTheLinkIsPrinted() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet()
                .answer("SHARE \"/docs/a b.txt\" 7200 \"link secret\"", "OK@" + URL + " 2026-12-06T12:00:00Z")
                .answer("SHARE /docs/c.txt 604800", "OK@" + URL + " 2026-12-13T10:00:00Z"))) {
            // the login's password (file or variable) is never taken for a link
            Access access = new Access(Access.defaults().trust(), PasswordSource.fixed("login pw".toCharArray()),
                    user -> java.util.Optional.of("link secret".toCharArray()));
            CommandInterpreter shell = new CommandInterpreter(StandardCommands.registry(),
                    new Session(output, TransferDisplay.NONE, QUICK, dir, new RateLogSwitch(dir), access));
            assertTrue(shell.execute("CONNECT " + server.host() + " " + server.port()), output.errors.toString());
            assertTrue(shell.execute("SHARE \"/docs/a b.txt\" --expires 2h --password"), output.errors.toString());
            assertTrue(shell.execute("SHARE /docs/c.txt"), output.errors.toString());
            assertFalse(shell.execute("SHARE /docs/c.txt --password secret"), "no password on the line");
            server.verify();
        }
        assertTrue(output.messages.contains(URL + "\nexpires 2026-12-06T12:00:00Z"), output.messages.toString());
    }

    @Test
    void withoutAPromptAPasswordLinkIsRefusedBeforeAnythingIsSent() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> peer.greet())) {
            Access access = new Access(Access.defaults().trust(), PasswordSource.fixed("login pw".toCharArray()));
            CommandInterpreter shell = new CommandInterpreter(StandardCommands.registry(),
                    new Session(output, TransferDisplay.NONE, QUICK, dir, new RateLogSwitch(dir), access));
            assertTrue(shell.execute("CONNECT " + server.host() + " " + server.port()));
            assertFalse(shell.execute("SHARE /a.txt --password"));
            assertTrue(output.errors.get(0).contains("asks for the link's password at the terminal"), output.errors.toString());
            assertEquals(List.of(), output.errors.subList(1, output.errors.size()));
        }
    }
}
