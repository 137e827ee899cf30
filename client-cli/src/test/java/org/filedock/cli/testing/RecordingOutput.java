package org.filedock.cli.testing;

import java.util.ArrayList;
import java.util.List;
import org.filedock.cli.shell.ShellOutput;

/** A shell's output kept in two lists, to be looked at by a test. */
public final class RecordingOutput implements ShellOutput {

    public final List<String> messages = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();

    @Override
    public void message(String text) {
        messages.add(text);
    }

    @Override
    public void error(String text) {
        errors.add(text);
    }
}
