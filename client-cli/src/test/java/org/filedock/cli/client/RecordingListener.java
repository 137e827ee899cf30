package org.filedock.cli.client;

import java.util.ArrayList;
import java.util.List;

/** Remembers what a transfer reported. */
final class RecordingListener implements TransferListener {

    long total = -1;
    final List<Long> progress = new ArrayList<>();
    Boolean completed;

    @Override
    public void started(long totalBytes) {
        total = totalBytes;
    }

    @Override
    public void progressed(long bytesDone) {
        progress.add(bytesDone);
    }

    @Override
    public void finished(boolean done) {
        completed = done;
    }

    long last() {
        return progress.isEmpty() ? 0 : progress.get(progress.size() - 1);
    }
}
