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

    /** One listener that passes every event to each of {@code listeners}, in order. */
    static TransferListener all(TransferListener... listeners) {
        TransferListener[] copy = listeners.clone();
        return new TransferListener() {
            @Override
            public void started(long totalBytes) {
                for (TransferListener listener : copy) {
                    listener.started(totalBytes);
                }
            }

            @Override
            public void progressed(long bytesDone) {
                for (TransferListener listener : copy) {
                    listener.progressed(bytesDone);
                }
            }

            @Override
            public void finished(boolean completed) {
                for (TransferListener listener : copy) {
                    listener.finished(completed);
                }
            }
        };
    }

    /** The server accepted the transfer; {@code totalBytes} will follow. */
    void started(long totalBytes);

    /** {@code bytesDone} bytes of the payload have gone through so far. */
    void progressed(long bytesDone);

    /** The payload ended, completely or not. Called once after {@link #started}. */
    void finished(boolean completed);
}
