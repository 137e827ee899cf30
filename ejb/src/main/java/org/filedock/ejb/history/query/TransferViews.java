package org.filedock.ejb.history.query;

import java.time.Duration;

import org.filedock.api.history.TransferDetail;
import org.filedock.api.history.TransferSummary;
import org.filedock.ejb.history.store.TransferEntity;

/** A stored transfer as the API shows it. */
final class TransferViews {

    private TransferViews() {
    }

    static TransferSummary summary(TransferEntity t) {
        return new TransferSummary(t.id(), t.direction(), t.path(), t.clientAddress(), t.user(), t.declaredSize(),
                t.bytesMoved(), t.startedAt(), t.endedAt(), t.outcome(), t.meanRate(), t.uploadId(), t.channel(), t.node());
    }

    static TransferDetail detail(TransferEntity t) {
        Duration duration = Duration.between(t.startedAt(), t.endedAt());
        return new TransferDetail(t.id(), t.direction(), t.path(), t.clientAddress(), t.user(), t.declaredSize(),
                t.bytesMoved(), t.startedAt(), t.endedAt(), t.outcome(), t.meanRate(),
                duration.toNanos() / 1e9, t.sampleCount(), t.peakRate(), t.uploadId(), t.channel(), t.node());
    }
}
