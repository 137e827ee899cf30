package org.filedock.api.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The transfers of one direction in a time window. The rates are taken over the completed
 * transfers only (a cut-off transfer says little about the line); {@code count} and
 * {@code bytes} count every transfer.
 */
@Schema(description = "The transfers of one direction in a window")
public record DirectionStats(
        TransferDirection direction,
        @Schema(description = "transfers started in the window, whatever their outcome")
        long count,
        @Schema(description = "payload bytes they moved")
        long bytes,
        @Schema(description = "mean of the completed transfers' mean rates, bytes per second")
        double meanRate,
        @Schema(description = "median of the completed transfers' mean rates")
        double medianRate,
        @Schema(description = "95th percentile (nearest rank) of the completed transfers' mean rates")
        double p95Rate,
        @Schema(description = "how many of them were ABORTED")
        long aborted) {

    public static DirectionStats empty(TransferDirection direction) {
        return new DirectionStats(direction, 0, 0, 0, 0, 0, 0);
    }
}
