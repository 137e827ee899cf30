package org.filedock.ejb.history.recording;

import java.time.Instant;
import java.util.List;

import org.filedock.api.history.RateSample;
import org.filedock.api.history.TransferChannel;
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferOutcome;

/**
 * Everything measured of one transfer, ready to be stored.
 *
 * @param uploadId shared by the parts of one resumable upload; null for any other transfer
 * @param channel the door it came through
 */
public record FinishedTransfer(
        String id,
        TransferDirection direction,
        String path,
        String clientAddress,
        String user,
        long declaredSize,
        long bytesMoved,
        Instant startedAt,
        Instant endedAt,
        TransferOutcome outcome,
        double meanRate,
        double peakRate,
        List<RateSample> samples,
        String uploadId,
        TransferChannel channel) {

    public FinishedTransfer {
        samples = List.copyOf(samples);
    }
}
