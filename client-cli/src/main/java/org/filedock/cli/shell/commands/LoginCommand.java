package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.filedock.cli.client.FileDockClient;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/**
 * {@code LOGIN user}: the password comes from the session's {@link org.filedock.cli.login.PasswordSource}
 * (a prompt without echo, {@code --password-file}, {@code FILEDOCK_PASSWORD}), never from the
 * line itself, which would keep it in the history, the script or the process list.
 */
public final class LoginCommand implements ShellCommand {

    // Any number of arguments get this far, so that a password typed on the line is refused with the reason.
    private static final CommandSpec SPEC = CommandSpec.server("LOGIN", "user",
            "log in (the password is asked for, never typed on the line)",
            1, Integer.MAX_VALUE);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        String user = args.get(0);
        if (args.size() > 1) {
            throw new CommandException("LOGIN takes no password on its line, where it would be kept in the history "
                    + "or the script and seen by others; type LOGIN " + user + " and give the password when asked "
                    + "(scripts: FILEDOCK_PASSWORD or --password-file)");
        }
        FileDockClient client = session.client();
        if (client.user() != null) {
            throw new CommandException("already logged in as " + client.user());
        }
        char[] password = session.access().passwords().passwordFor(user).orElseThrow(() -> new CommandException(
                "no password given for LOGIN " + user + " (scripts: set FILEDOCK_PASSWORD or use --password-file FILE)"));
        try {
            session.output().message(client.login(user, password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
