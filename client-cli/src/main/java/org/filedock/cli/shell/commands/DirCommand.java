package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.util.List;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.DirTable;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/** {@code DIR [path]}: lists a directory as a table. */
public final class DirCommand implements ShellCommand {

    private static final CommandSpec SPEC = CommandSpec.server("DIR", "[path]",
            "list a directory (default: the current one)", 0, 1);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        String path = args.isEmpty() ? null : args.get(0);
        DirTable.format(session.client().dir(path)).forEach(session.output()::message);
    }
}
