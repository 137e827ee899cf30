package org.filedock.cli.shell;

import java.util.List;
import java.util.Objects;

/**
 * What a shell command looks like to its user: its words, its arguments as shown in help,
 * how many arguments it takes, and whether it needs a connection.
 */
public record CommandSpec(String name, List<String> aliases, String arguments, String summary,
                          int minArgs, int maxArgs, boolean needsConnection) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(summary, "summary");
        if (minArgs < 0 || maxArgs < minArgs) {
            throw new IllegalArgumentException("bad argument counts for " + name);
        }
    }

    /** A command that talks to the server, without aliases. */
    public static CommandSpec server(String name, String arguments, String summary, int minArgs, int maxArgs) {
        return new CommandSpec(name, List.of(), arguments, summary, minArgs, maxArgs, true);
    }

    public String usage() {
        return arguments.isEmpty() ? name : name + " " + arguments;
    }

    public boolean accepts(int argumentCount) {
        return argumentCount >= minArgs && argumentCount <= maxArgs;
    }
}
