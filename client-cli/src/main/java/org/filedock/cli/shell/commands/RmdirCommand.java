package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.util.List;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/** {@code RMDIR path}: removes an empty directory on the server. */
public final class RmdirCommand implements ShellCommand {

    private static final CommandSpec SPEC = CommandSpec.server("RMDIR", "path", "remove an empty directory", 1, 1);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        session.output().message(session.client().rmdir(args.get(0)));
    }
}
