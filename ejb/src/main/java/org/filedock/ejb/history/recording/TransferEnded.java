package org.filedock.ejb.history.recording;

/**
 * The event a transfer's end fires, on the transfer's thread: an observer must only take note of
 * it, and call {@link #seal()} later, on a thread of its own, to take the final sample and get the
 * record to store.
 */
public record TransferEnded(ActiveTransfer transfer) {

    public FinishedTransfer seal() {
        return transfer.seal();
    }
}
