package org.filedock.cli.run;

import java.util.Locale;
import java.util.Optional;
import org.filedock.cli.login.PasswordSource;
import org.filedock.cli.tls.TrustQuestion;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.MaskingCallback;
import org.jline.reader.UserInterruptException;

/** The shell's questions to the person at the terminal; no answer ever goes into the history. */
final class TerminalQuestions implements TrustQuestion, PasswordSource {

    /** Nothing is echoed for a password. */
    private static final Character NO_ECHO = 0;

    /** Echoed as typed, kept out of the history. */
    private static final MaskingCallback NOT_IN_HISTORY = new MaskingCallback() {
        @Override
        public String display(String line) {
            return line;
        }

        @Override
        public String history(String line) {
            return null;
        }
    };

    private final LineReader reader;

    TerminalQuestions(LineReader reader) {
        this.reader = reader;
    }

    /** Asks until the answer is yes or no; Ctrl+C or Ctrl+D mean no. */
    @Override
    public boolean confirm(String explanation, String question) {
        reader.getTerminal().writer().println(explanation);
        reader.getTerminal().flush();
        try {
            while (true) {
                String answer = reader.readLine(escaped(question), null, NOT_IN_HISTORY, null)
                        .strip().toLowerCase(Locale.ROOT);
                if (answer.equals("yes") || answer.equals("y")) {
                    return true;
                }
                if (answer.equals("no") || answer.equals("n")) {
                    return false;
                }
                reader.getTerminal().writer().println("Please type yes or no.");
            }
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        }
    }

    /** Empty when the user gave up (Ctrl+C or Ctrl+D). */
    @Override
    public Optional<char[]> passwordFor(String user) {
        try {
            // A masked line is not added to the history.
            return Optional.of(reader.readLine(escaped("Password for " + user + ": "), NO_ECHO).toCharArray());
        } catch (UserInterruptException | EndOfFileException e) {
            return Optional.empty();
        }
    }

    /** JLine expands %-sequences in prompts. */
    private static String escaped(String prompt) {
        return prompt.replace("%", "%%");
    }
}
