package org.filedock.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.filedock.cli.client.ConnectionSettings;
import org.filedock.cli.progress.TransferDisplay;
import org.filedock.cli.shell.commands.StandardCommands;
import org.filedock.cli.testing.RecordingOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RATELOG through the interpreter, as a user types it; no connection needed. */
class RateLogCommandTest {

    @TempDir
    Path dir;

    private final RecordingOutput output = new RecordingOutput();
    private final List<String> messages = output.messages;
    private final List<String> errors = output.errors;

    private Session session(RateLogSwitch rateLog) {
        return new Session(output, TransferDisplay.NONE, ConnectionSettings.DEFAULT, Path.of("."), rateLog, Access.defaults());
    }

    @Test
    void onWithADirectoryThenOffThenTheSetting() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Session session = session(new RateLogSwitch(dir));
        CommandInterpreter shell = new CommandInterpreter(StandardCommands.registry(), session);

        assertTrue(shell.execute("RATELOG"));
        assertTrue(shell.execute("ratelog on \"" + logs + "\""));
        assertEquals(Optional.of(logs), session.rateLog().directory());
        assertTrue(shell.execute("RATELOG"));
        assertTrue(shell.execute("RATELOG OFF"));
        assertEquals(Optional.empty(), session.rateLog().directory());
        assertEquals(List.of("Rate log off", "Rate log on, in " + logs, "Rate log on, in " + logs, "Rate log off"),
                messages);
        assertEquals(List.of(), errors);
    }

    @Test
    void onAloneUsesTheDirectoryOfTheOptionOrTheCurrentOne() {
        Session session = session(new RateLogSwitch(dir));
        assertTrue(new CommandInterpreter(StandardCommands.registry(), session).execute("RATELOG on"));
        assertEquals(Optional.of(dir), session.rateLog().directory());
    }

    @Test
    void aMissingDirectoryIsRefusedAndChangesNothing() {
        Session session = session(new RateLogSwitch(dir));
        CommandInterpreter shell = new CommandInterpreter(StandardCommands.registry(), session);
        assertFalse(shell.execute("RATELOG on " + dir.resolve("absent")));
        assertEquals(List.of("not a writable directory: " + dir.resolve("absent")), errors);
        assertEquals(Optional.empty(), session.rateLog().directory());
    }

    @Test
    void anythingButOnOrOffShowsTheUsage() {
        Session session = session(new RateLogSwitch(dir));
        session.rateLog().turnOn(dir);
        CommandInterpreter shell = new CommandInterpreter(StandardCommands.registry(), session);
        assertFalse(shell.execute("RATELOG maybe"));
        assertFalse(shell.execute("RATELOG off now"));
        assertFalse(shell.execute("RATELOG on a b"));
        assertEquals(List.of("usage: RATELOG [on [dir] | off]", "usage: RATELOG [on [dir] | off]",
                "usage: RATELOG [on [dir] | off]"), errors);
        assertEquals(Optional.of(dir), session.rateLog().directory());
    }
}
