package org.filedock.cli.shell;

import java.util.Optional;
import org.filedock.cli.client.TransferListener;
import org.filedock.cli.client.Transferred;
import org.filedock.cli.rate.RateLogRecorder;
import org.filedock.cli.rate.TransferDirection;
import org.filedock.cli.rate.TransferMeter;

/**
 * One UPLOAD or DOWNLOAD as the shell follows it: the progress display, a meter for the summary
 * line, and the rate log when it is on.
 */
public final class TrackedTransfer {

    private final Session session;
    private final TransferMeter meter = new TransferMeter(System::nanoTime);
    private final Optional<RateLogRecorder> rateLog;
    private final TransferListener listener;

    private TrackedTransfer(Session session, TransferDirection direction, String name, String label) {
        this.session = session;
        this.rateLog = session.rateLog().directory()
                .map(directory -> RateLogRecorder.withSystemClocks(directory, direction, name));
        TransferListener progress = session.transfers().track(label);
        this.listener = rateLog.isPresent() ? TransferListener.all(meter, rateLog.get(), progress)
                : TransferListener.all(meter, progress);
    }

    /**
     * @param name the file's own name, for the rate log's file name
     * @param label what the progress display shows, e.g. {@code upload docs/a.txt}
     */
    public static TrackedTransfer begin(Session session, TransferDirection direction, String name, String label) {
        return new TrackedTransfer(session, direction, name, label);
    }

    public TransferListener listener() {
        return listener;
    }

    /**
     * After a completed transfer: prints the summary line, with the whole SHA-256 both sides
     * agreed on when it was verified (whole, so that it can be compared with {@code sha256sum}).
     *
     * @throws CommandException when the rate log that was asked for could not be written
     */
    public void report(Transferred transferred) throws CommandException {
        String verified = transferred.verifiedSha256().map(hex -> ", sha256 " + hex).orElse(", not verified");
        String resumed = transferred.resumedFrom() > 0 ? ", resumed at byte " + transferred.resumedFrom() : "";
        String logged = rateLog.flatMap(RateLogRecorder::file).map(file -> " (rate log " + file + ")").orElse("");
        session.output().message(meter.summary() + resumed + verified + logged);
        if (rateLog.isPresent() && rateLog.get().failure().isPresent()) {
            Exception e = rateLog.get().failure().get();
            throw new CommandException("cannot write the rate log in " + rateLog.get().directory() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
