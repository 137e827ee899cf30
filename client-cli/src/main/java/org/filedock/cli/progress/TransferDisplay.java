package org.filedock.cli.progress;

import org.filedock.cli.client.TransferListener;

/** Chooses how the progress of each transfer is shown: a live bar, a few plain lines, or nothing. */
@FunctionalInterface
public interface TransferDisplay {

    TransferDisplay NONE = label -> TransferListener.NONE;

    /** A listener for one transfer, labelled e.g. {@code upload report.pdf}. */
    TransferListener track(String label);
}
