package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.util.List;
import org.filedock.cli.client.ConnectionClosedException;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/** {@code DISCONNECT}: ends the session; the client is closed whatever the server answers. */
public final class DisconnectCommand implements ShellCommand {

    private static final CommandSpec SPEC = CommandSpec.server("DISCONNECT", "", "disconnect from the server", 0, 0);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        try {
            session.output().message(session.client().disconnect());
        } catch (ConnectionClosedException e) {
            // The goal was to be disconnected, and we are.
            session.output().message("Disconnected");
        } finally {
            session.detach();
        }
    }
}
