package org.filedock.ejb.history.recording;

/**
 * The event a transfer's end fires, asynchronously: observers run off the transfer's thread and
 * call {@link #seal()} to take the final sample and get the record to store.
 */
public record TransferEnded(ActiveTransfer transfer) {

    public FinishedTransfer seal() {
        return transfer.seal();
    }
}
