package org.filedock.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.filedock.cli.client.ConnectionSettings;
import org.filedock.cli.progress.TransferDisplay;
import org.filedock.cli.shell.commands.StandardCommands;
import org.filedock.cli.testing.RecordingOutput;
import org.junit.jupiter.api.Test;

class CommandInterpreterTest {

    private final RecordingOutput output = new RecordingOutput();
    private final List<String> messages = output.messages;
    private final List<String> errors = output.errors;
    private final Session session = new Session(output, TransferDisplay.NONE, ConnectionSettings.DEFAULT, Path.of("."));
    private final CommandInterpreter interpreter = new CommandInterpreter(StandardCommands.registry(), session);

    @Test
    void aServerCommandWithoutAConnectionFails() {
        assertFalse(interpreter.execute("pwd"));
        assertEquals(List.of(Session.NOT_CONNECTED), errors);
    }

    @Test
    void wrongArgumentCountsShowTheUsage() {
        assertFalse(interpreter.execute("MOVE onlyone"));
        assertEquals(List.of("usage: MOVE path directory"), errors);
    }

    @Test
    void unknownCommandsAndBadQuotingFail() {
        assertFalse(interpreter.execute("LS"));
        assertFalse(interpreter.execute("UPLOAD \"open"));
        assertEquals("unknown command: LS (type HELP for the list)", errors.get(0));
        assertTrue(errors.get(1).startsWith("cannot read the command: "));
    }

    @Test
    void exitWithoutAConnectionEndsTheShell() {
        assertTrue(interpreter.execute("quit"));
        assertTrue(session.exitRequested());
    }

    @Test
    void blankLinesDoNothing() {
        assertTrue(interpreter.execute(""));
        assertTrue(messages.isEmpty() && errors.isEmpty());
    }

    @Test
    void aBadPortIsRefusedBeforeConnecting() {
        assertFalse(interpreter.execute("CONNECT localhost 70000"));
        assertEquals(List.of("invalid port: 70000 (1-65535)"), errors);
    }
}
