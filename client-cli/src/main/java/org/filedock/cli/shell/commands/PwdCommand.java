package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.util.List;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/** {@code PWD}: shows the server-side current directory. */
public final class PwdCommand implements ShellCommand {

    private static final CommandSpec SPEC = CommandSpec.server("PWD", "", "show the current directory", 0, 0);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        session.output().message(session.client().pwd());
    }
}
