package org.filedock.cli.shell;

import java.io.PrintStream;

/** Results on one stream, errors as {@code error: <text>} on another (normally stdout and stderr). */
public final class StreamOutput implements ShellOutput {

    private final PrintStream out;
    private final PrintStream err;

    public StreamOutput(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void message(String text) {
        out.println(text);
        out.flush();
    }

    @Override
    public void error(String text) {
        // Flushing both keeps the order right when stdout and stderr go to the same place.
        out.flush();
        err.println("error: " + text);
        err.flush();
    }
}
