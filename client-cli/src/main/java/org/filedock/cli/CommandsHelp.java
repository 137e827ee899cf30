package org.filedock.cli;

import java.util.List;
import org.filedock.cli.shell.commands.HelpCommand;
import org.filedock.cli.shell.commands.StandardCommands;

/** The shell commands for {@code --help}, taken from the registry so the two never disagree. */
final class CommandsHelp {

    private CommandsHelp() {
    }

    static List<String> lines() {
        // picocli formats footer lines, so a literal % must be doubled.
        return HelpCommand.lines(StandardCommands.registry()).stream().map(line -> line.replace("%", "%%")).toList();
    }
}
