package org.filedock.cli.client;

/** Follows one UPLOAD or DOWNLOAD payload. Called on the thread that runs the transfer. */
public interface TransferListener {

    TransferListener NONE = new TransferListener() {
        @Override
        public void started(long totalBytes) {
        }

        @Override
        public void progressed(long bytesDone) {
        }

        @Override
        public void finished(boolean completed) {
        }
    };

    /** The server accepted the transfer; {@code totalBytes} will follow. */
    void started(long totalBytes);

    /** {@code bytesDone} bytes of the payload have gone through so far. */
    void progressed(long bytesDone);

    /** The payload ended, completely or not. Called once after {@link #started}. */
    void finished(boolean completed);
}
