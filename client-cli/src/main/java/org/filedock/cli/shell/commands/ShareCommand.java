package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/**
 * {@code SHARE path [--expires 7d] [--password]}: asks the server for a share link to a file and
 * prints it with its expiry. {@code --password} asks for the link's password at the terminal,
 * without echo (never from the line, nor from the login's password file or variable); a script,
 * which has nobody to ask, cannot use it.
 */
public final class ShareCommand implements ShellCommand {

    private static final CommandSpec SPEC = CommandSpec.server("SHARE", "path [--expires 7d] [--password]",
            "make a link that lets anyone holding it download the file (expiry in s, m, h, d or w; default 7d)",
            1, 4);
    static final long DEFAULT_SECONDS = 7 * 86_400L;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        String path = null;
        long seconds = DEFAULT_SECONDS;
        boolean withPassword = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--expires")) {
                if (i + 1 >= args.size()) {
                    throw new CommandException("--expires needs a duration, e.g. 7d, 12h, 30m");
                }
                seconds = seconds(args.get(++i));
            } else if (arg.equals("--password")) {
                withPassword = true;
            } else if (arg.startsWith("--")) {
                throw new CommandException("unknown option " + arg + " (SHARE path [--expires 7d] [--password]; "
                        + "the password is asked for, never given on the line)");
            } else if (path == null) {
                path = arg.startsWith("./--") ? arg.substring(2) : arg;
            } else {
                throw new CommandException("SHARE takes one path (SHARE path [--expires 7d] [--password])");
            }
        }
        if (path == null) {
            throw new CommandException("SHARE needs the path of a file");
        }
        char[] password = null;
        if (withPassword) {
            password = session.access().prompt().passwordFor("the link").orElseThrow(() -> new CommandException(
                    "--password asks for the link's password at the terminal; there is none here"));
            if (password.length == 0) {
                throw new CommandException("the link's password must not be empty");
            }
        }
        try {
            String reply = session.client().share(path, seconds, password);
            int space = reply.lastIndexOf(' ');
            session.output().message(space < 0 ? reply
                    : reply.substring(0, space) + "\nexpires " + reply.substring(space + 1));
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** {@code 90s}, {@code 30m}, {@code 12h}, {@code 7d}, {@code 2w}, or plain seconds. */
    static long seconds(String text) throws CommandException {
        String t = text.toLowerCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86_400;
            case 'w' -> 7 * 86_400;
            default -> 0;
        };
        String number = unit == 0 ? t : t.substring(0, t.length() - 1);
        try {
            long value = Long.parseLong(number);
            if (value < 1 || value > Long.MAX_VALUE / 604_800) {
                throw new NumberFormatException();
            }
            return value * (unit == 0 ? 1 : unit);
        } catch (NumberFormatException e) {
            throw new CommandException("not a duration: " + text + " (e.g. 7d, 12h, 30m, 90s)");
        }
    }
}
