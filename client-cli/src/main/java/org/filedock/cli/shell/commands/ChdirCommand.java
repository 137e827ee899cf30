package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.util.List;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/** {@code CHDIR path} (also {@code CD}): changes the server-side current directory. */
public final class ChdirCommand implements ShellCommand {

    private static final CommandSpec SPEC = new CommandSpec("CHDIR", List.of("CD"), "path",
            "change the current directory", 1, 1, true);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        session.output().message(session.client().chdir(args.get(0)));
    }
}
