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

    private final LineReader reader;
    private final CommandInterpreter interpreter;
    private final Session session;

    InteractiveShell(LineReader reader, CommandInterpreter interpreter, Session session) {
        this.reader = reader;
        this.interpreter = interpreter;
        this.session = session;
    }

    void run() {
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
        saveHistory();
    }

    /**
     * {@code filedock 127.0.0.1:7021:/docs> } while connected ({@code filedock alice@127.0.0.1:7022:/> }
     * once logged in), {@code filedock> } otherwise.
     */
    String prompt() {
        // JLine expands %-sequences in prompts; a directory name may contain a %.
        return session.location().map(where -> "filedock " + where.replace("%", "%%") + "> ").orElse("filedock> ");
    }

    /** The reader for commands and questions, with a history in {@code historyFile} that never holds a password. */
    static LineReader newReader(Terminal terminal, CommandRegistry registry, Path historyFile) {
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[] {'"'});
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("filedock")
                .parser(parser)
                .completer(new ArgumentCompleter(new StringsCompleter(registry.words()), NullCompleter.INSTANCE))
                .history(new PasswordFreeHistory())
                .variable(LineReader.HISTORY_FILE, historyFile)
                // "!" is an ordinary character in file names, not a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .build();
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            session.output().error("cannot save the command history: " + e.getMessage());
        }
    }
}
