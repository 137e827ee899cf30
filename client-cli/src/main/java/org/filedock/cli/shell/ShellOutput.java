package org.filedock.cli.shell;

/** Where the shell reports: results as plain lines, errors clearly marked. */
public interface ShellOutput {

    void message(String text);

    /** Reports a failure; {@code text} has no prefix, the output adds its own mark. */
    void error(String text);
}
