package org.filedock.api.history;

/** How a transfer ended. */
public enum TransferOutcome {
    /** Every byte moved and the server confirmed it. */
    COMPLETED,
    /** The client went away or stalled before the end. */
    ABORTED,
    /** A server-side error ended it (the storage could not be read or written). */
    FAILED
}
