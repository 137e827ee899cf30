package org.filedock.api.files;

/**
 * One transfer as the rate history sees it while its thread moves the bytes: only that thread
 * calls these. Its outcome is a failure unless it says otherwise before it is closed.
 */
public interface TransferProgress extends AutoCloseable {

    /** Adds {@code bytes} payload bytes moved (cheap: one release store). */
    void moved(long bytes);

    void completed();

    /** The client went away or stalled. */
    void aborted();

    @Override
    void close();
}
