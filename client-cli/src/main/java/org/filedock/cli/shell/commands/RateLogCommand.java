package org.filedock.cli.shell.commands;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.RateLogSwitch;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;

/**
 * {@code RATELOG [on [dir] | off]}: switches the per-transfer rate log (a CSV file per transfer);
 * without arguments, tells whether it is on and where it writes.
 */
public final class RateLogCommand implements ShellCommand {

    private static final CommandSpec SPEC = new CommandSpec("RATELOG", List.of(), "[on [dir] | off]",
            "log each transfer's rate to a CSV file, or stop; alone: show", 0, 2, false);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException {
        RateLogSwitch rateLog = session.rateLog();
        if (args.isEmpty()) {
            session.output().message(rateLog.directory().map(d -> "Rate log on, in " + d.toAbsolutePath().normalize())
                    .orElse("Rate log off"));
            return;
        }
        switch (args.get(0).toLowerCase(Locale.ROOT)) {
            case "on" -> {
                Path directory = args.size() > 1 ? directory(args.get(1)) : rateLog.defaultDirectory();
                if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
                    throw new CommandException("not a writable directory: " + directory);
                }
                rateLog.turnOn(directory);
                session.output().message("Rate log on, in " + directory.toAbsolutePath().normalize());
            }
            case "off" -> {
                if (args.size() > 1) {
                    throw new CommandException("usage: " + SPEC.usage());
                }
                rateLog.turnOff();
                session.output().message("Rate log off");
            }
            default -> throw new CommandException("usage: " + SPEC.usage());
        }
    }

    private static Path directory(String text) throws CommandException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandException("invalid directory: " + text);
        }
    }
}
