package org.filedock.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code filedock-cli --host HOST [--user NAME] usage}: connects with the main options, runs the
 * shell's {@code USAGE} once and exits (0, or 1 when it failed).
 */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = {"Show the space your files take on the server and your quota, e.g. "
                + "\"1.2 GiB of 10 GiB used (12 %%)\", then exit. Give --host (and --user with accounts) "
                + "before the word usage."})
final class UsageSubcommand implements Callable<Integer> {

    @ParentCommand
    private FileDockCli parent;

    @Override
    public Integer call() {
        return parent.runOnce(List.of("USAGE"));
    }
}
