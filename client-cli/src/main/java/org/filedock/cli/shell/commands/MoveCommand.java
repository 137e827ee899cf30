package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.util.List;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/** {@code MOVE path directory}: moves a file or directory into an existing directory, keeping its name. */
public final class MoveCommand implements ShellCommand {

    private static final CommandSpec SPEC = CommandSpec.server("MOVE", "path directory",
            "move a file or directory into a directory", 2, 2);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        session.output().message(session.client().move(args.get(0), args.get(1)));
    }
}
