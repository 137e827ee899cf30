package org.filedock.cli.shell.commands;

import java.util.List;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/** {@code EXIT} (also {@code QUIT}): leaves the shell, but only once disconnected. */
public final class ExitCommand implements ShellCommand {

    private static final CommandSpec SPEC = new CommandSpec("EXIT", List.of("QUIT"), "",
            "leave the program, once disconnected", 0, 0, false);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException {
        if (session.isConnected()) {
            throw new CommandException("Please disconnect from server first");
        }
        session.requestExit();
    }
}
