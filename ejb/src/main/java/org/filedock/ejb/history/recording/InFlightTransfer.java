package org.filedock.ejb.history.recording;

import java.time.Instant;
import java.util.List;

import org.filedock.api.history.TransferChannel;
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferOutcome;

/**
 * What is known of a transfer while it runs, enough to record it {@link TransferOutcome#ABORTED}
 * if its node dies before it ends.
 *
 * @param bytesMoved the bytes moved when this was taken (a lower bound of what the transfer moved)
 * @param uploadId shared by the parts of one resumable upload; null for any other transfer
 */
public record InFlightTransfer(
        String id,
        TransferDirection direction,
        String path,
        String clientAddress,
        String user,
        long declaredSize,
        long bytesMoved,
        Instant startedAt,
        String uploadId,
        TransferChannel channel) {

    /** The transfer as ended by its node's death, seen at {@code endedAt}. */
    public FinishedTransfer abortedAt(Instant endedAt) {
        return new FinishedTransfer(id, direction, path, clientAddress, user, declaredSize, bytesMoved, startedAt,
                endedAt.isBefore(startedAt) ? startedAt : endedAt, TransferOutcome.ABORTED, 0, 0, List.of(),
                uploadId, channel);
    }
}
