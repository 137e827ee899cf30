package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.util.List;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/** {@code MKDIR path}: creates a directory on the server. */
public final class MkdirCommand implements ShellCommand {

    private static final CommandSpec SPEC = CommandSpec.server("MKDIR", "path", "create a directory", 1, 1);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        session.output().message(session.client().mkdir(args.get(0)));
    }
}
