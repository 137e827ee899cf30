package org.filedock.cli.shell.commands;

import java.util.List;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandRegistry;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.ShellCommand;
import org.filedock.cli.shell.Session;

/** {@code HELP [command]}: lists the commands, or describes one. */
public final class HelpCommand implements ShellCommand {

    private static final CommandSpec SPEC = new CommandSpec("HELP", List.of(), "[command]",
            "list the commands, or describe one", 0, 1, false);

    private final CommandRegistry registry;

    public HelpCommand(CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException {
        if (args.isEmpty()) {
            lines(registry).forEach(session.output()::message);
            return;
        }
        ShellCommand command = registry.find(args.get(0))
                .orElseThrow(() -> new CommandException("unknown command: " + args.get(0)));
        session.output().message(describe(command.spec()));
    }

    /** One line per command: usage, then what it does. */
    public static List<String> lines(CommandRegistry registry) {
        int width = registry.commands().stream().mapToInt(c -> c.spec().usage().length()).max().orElse(0);
        return registry.commands().stream()
                .map(c -> String.format("  %-" + width + "s  %s", c.spec().usage(), describe(c.spec())))
                .toList();
    }

    private static String describe(CommandSpec spec) {
        String aliases = spec.aliases().isEmpty() ? "" : "; also " + String.join(", ", spec.aliases());
        return spec.summary() + aliases;
    }
}
