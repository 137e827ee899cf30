package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/**
 * {@code USAGE}: how much of the quota the user's files take, for people:
 * {@code 1.2 GiB of 10 GiB used (12 %)}, or {@code 1.2 GiB used (no quota)}.
 */
public final class UsageCommand implements ShellCommand {

    private static final CommandSpec SPEC = CommandSpec.server("USAGE", "", "show the space your files take and your quota", 0, 0);
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        String reply = session.client().usage();
        String[] parts = reply.split(" ");
        try {
            long used = Long.parseLong(parts[0]);
            if (parts.length == 2 && parts[1].equals("unlimited")) {
                session.output().message(describe(used, null));
                return;
            }
            if (parts.length == 2) {
                session.output().message(describe(used, Long.parseLong(parts[1])));
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandException("the server answered USAGE with '" + reply + "'");
    }

    /** @param quota null for none */
    static String describe(long used, Long quota) {
        if (quota == null) {
            return size(used) + " used (no quota)";
        }
        long percent = quota == 0 ? 100 : (long) Math.floor(used * 100.0 / quota);
        return size(used) + " of " + size(quota) + " used (" + percent + " %)";
    }

    /** {@code 512 B}, {@code 1.2 GiB}, {@code 10 GiB}: one decimal, none when it is 0. */
    static String size(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", Math.floor(value * 10) / 10);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + " " + UNITS[unit];
    }
}
