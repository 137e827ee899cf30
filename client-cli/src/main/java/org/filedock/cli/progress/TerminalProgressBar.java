package org.filedock.cli.progress;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.filedock.cli.client.TransferListener;

/** A live bar with bytes, rate and ETA, redrawn in place on a terminal. */
final class TerminalProgressBar implements TransferListener {

    private static final long KIB = 1024;
    private static final long MIB = KIB * 1024;

    private final String label;
    private final PrintStream out;
    private final int width;
    private final ProgressBarStyle style;
    private ProgressBar bar;

    TerminalProgressBar(String label, PrintStream out, int width, ProgressBarStyle style) {
        this.label = label;
        this.out = out;
        this.width = width;
        this.style = style;
    }

    @Override
    public void started(long totalBytes) {
        String unit = totalBytes < KIB ? "B" : totalBytes < MIB ? "KiB" : "MiB";
        long unitSize = totalBytes < KIB ? 1 : totalBytes < MIB ? KIB : MIB;
        // An explicit width keeps progressbar from opening a JLine terminal of its own.
        bar = new ProgressBarBuilder()
                .setTaskName(label)
                .setInitialMax(totalBytes)
                .setUnit(unit, unitSize)
                .showSpeed()
                .setStyle(style)
                .setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(out, width))
                .build();
    }

    @Override
    public void progressed(long bytesDone) {
        bar.stepTo(bytesDone);
    }

    @Override
    public void finished(boolean completed) {
        if (!completed) {
            bar.setExtraMessage("failed");
        }
        bar.close();
        // the bar library leaves the cursor at the end of the bar line
        out.println();
    }
}
