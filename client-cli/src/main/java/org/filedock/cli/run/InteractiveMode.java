package org.filedock.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.filedock.cli.progress.ProgressBarDisplay;
import org.filedock.cli.shell.CommandInterpreter;
import org.filedock.cli.shell.CommandRegistry;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.StreamOutput;
import org.filedock.cli.shell.commands.StandardCommands;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The shell for a person at a terminal. Failed commands are reported but do not end it. */
public final class InteractiveMode {

    public static final int SUCCESS = 0;
    public static final int NO_TERMINAL = 1;

    private InteractiveMode() {
    }

    public static int run(ShellSetup setup, CliEnvironment env) {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).dumb(true).build();
        } catch (IOException e) {
            env.err().println("error: cannot open the terminal: " + e.getMessage());
            return NO_TERMINAL;
        }
        try {
            return run(setup, env, terminal);
        } finally {
            // Closing the system terminal closes standard output too, so this comes last.
            env.out().flush();
            env.err().flush();
            closeQuietly(terminal);
        }
    }

    /** The shell on {@code terminal}, which the caller closes. */
    static int run(ShellSetup setup, CliEnvironment env, Terminal terminal) {
        boolean unicode = StandardCharsets.UTF_8.equals(terminal.encoding());
        CommandRegistry registry = StandardCommands.registry();
        LineReader reader = InteractiveShell.newReader(terminal, registry, env.historyFile());
        TerminalQuestions questions = new TerminalQuestions(reader);
        Session session = setup.session(new StreamOutput(env.out(), env.err()),
                new ProgressBarDisplay(env.err(), terminal::getWidth, unicode), questions, questions);
        CommandInterpreter interpreter = new CommandInterpreter(registry, session);
        setup.runStart(interpreter);
        new InteractiveShell(reader, interpreter, session).run();
        return SUCCESS;
    }

    private static void closeQuietly(Terminal terminal) {
        try {
            terminal.close();
        } catch (IOException ignored) {
            // the process ends next
        }
    }
}
