package org.filedock.cli.run;

import java.io.IOException;
import java.nio.file.Path;
import org.filedock.cli.shell.CommandInterpreter;
import org.filedock.cli.shell.CommandRegistry;
import org.filedock.cli.shell.Session;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.ArgumentCompleter;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;

/** The read-run loop at a terminal: history, completion of command words, a prompt showing where we are. */
final class InteractiveShell {

    private final Terminal terminal;
    private final CommandRegistry registry;
    private final CommandInterpreter interpreter;
    private final Session session;

    InteractiveShell(Terminal terminal, CommandRegistry registry, CommandInterpreter interpreter, Session session) {
        this.terminal = terminal;
        this.registry = registry;
        this.interpreter = interpreter;
        this.session = session;
    }

    void run() {
        LineReader reader = newReader();
        while (!session.exitRequested()) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                session.disconnectIfConnected();
                break;
            }
            interpreter.execute(line);
        }
        saveHistory(reader);
    }

    /** {@code filedock 127.0.0.1:7021:/docs> } while connected, {@code filedock> } otherwise. */
    String prompt() {
        // JLine expands %-sequences in prompts; a directory name may contain a %.
        return session.location().map(where -> "filedock " + where.replace("%", "%%") + "> ").orElse("filedock> ");
    }

    private LineReader newReader() {
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[] {'"'});
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("filedock")
                .parser(parser)
                .completer(new ArgumentCompleter(new StringsCompleter(registry.words()), NullCompleter.INSTANCE))
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".filedock_history"))
                // "!" is an ordinary character in file names, not a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .build();
    }

    private void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            session.output().error("cannot save the command history: " + e.getMessage());
        }
    }
}
