package org.filedock.api.history;

/** Which way the payload went, seen from the server. */
public enum TransferDirection {
    /** From the client to the server. */
    UPLOAD,
    /** From the server to the client. */
    DOWNLOAD
}
