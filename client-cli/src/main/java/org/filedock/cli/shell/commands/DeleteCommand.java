package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.util.List;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/** {@code DELETE path}: deletes a file on the server. */
public final class DeleteCommand implements ShellCommand {

    private static final CommandSpec SPEC = CommandSpec.server("DELETE", "path", "delete a file", 1, 1);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        session.output().message(session.client().delete(args.get(0)));
    }
}
