package org.filedock.cli.shell;

import java.io.IOException;
import java.util.List;

/** One command of the shell. The interpreter has already checked the argument count and the connection. */
public interface ShellCommand {

    CommandSpec spec();

    /**
     * Runs the command and reports its result through {@link Session#output()}.
     *
     * @throws CommandException for a failure the command itself detected (the message is shown as is)
     * @throws IOException from the client: a server error, a local file problem, a lost connection
     */
    void run(Session session, List<String> args) throws CommandException, IOException;
}
