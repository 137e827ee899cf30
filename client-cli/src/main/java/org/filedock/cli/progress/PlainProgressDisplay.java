package org.filedock.cli.progress;

import java.io.PrintStream;
import org.filedock.cli.client.TransferListener;

/** Progress as a few plain text lines, for when no terminal is attached. */
public final class PlainProgressDisplay implements TransferDisplay {

    private final PrintStream out;

    public PlainProgressDisplay(PrintStream out) {
        this.out = out;
    }

    @Override
    public TransferListener track(String label) {
        return new PlainProgressLines(label, out, System::nanoTime);
    }
}
