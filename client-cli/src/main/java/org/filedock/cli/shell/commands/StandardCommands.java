package org.filedock.cli.shell.commands;

import org.filedock.cli.shell.CommandRegistry;

/** The shell's full command set, in the order HELP lists it. */
public final class StandardCommands {

    private StandardCommands() {
    }

    public static CommandRegistry registry() {
        CommandRegistry registry = new CommandRegistry();
        return registry
                .register(new ConnectCommand())
                .register(new LoginCommand())
                .register(new UploadCommand())
                .register(new DownloadCommand())
                .register(new DeleteCommand())
                .register(new DirCommand())
                .register(new MkdirCommand())
                .register(new ChdirCommand())
                .register(new RmdirCommand())
                .register(new MoveCommand())
                .register(new PwdCommand())
                .register(new UsageCommand())
                .register(new ShareCommand())
                .register(new RateLogCommand())
                .register(new DisconnectCommand())
                .register(new ExitCommand())
                .register(new HelpCommand(registry));
    }
}
