package org.filedock.cli.progress;

import java.io.PrintStream;
import java.util.function.IntSupplier;
import me.tongfei.progressbar.ProgressBarStyle;
import org.filedock.cli.client.TransferListener;

/** Progress as a live bar, for an interactive terminal. */
public final class ProgressBarDisplay implements TransferDisplay {

    private static final int FALLBACK_WIDTH = 80;

    private final PrintStream out;
    private final IntSupplier terminalWidth;
    private final ProgressBarStyle style;

    /**
     * @param terminalWidth asked at each transfer, as the window may have been resized
     * @param unicode whether the terminal can show block characters
     */
    public ProgressBarDisplay(PrintStream out, IntSupplier terminalWidth, boolean unicode) {
        this.out = out;
        this.terminalWidth = terminalWidth;
        this.style = unicode ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII;
    }

    @Override
    public TransferListener track(String label) {
        int width = terminalWidth.getAsInt();
        // A dumb terminal reports width 0; the last column is left free so the line never wraps.
        return new TerminalProgressBar(label, out, (width > 10 ? width : FALLBACK_WIDTH) - 1, style);
    }
}
