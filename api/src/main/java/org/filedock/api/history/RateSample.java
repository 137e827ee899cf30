package org.filedock.api.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One point of a transfer's rate series. */
@Schema(description = "One point of a transfer's rate series")
public record RateSample(
        @Schema(description = "time since the transfer started")
        double seconds,
        @Schema(description = "bytes moved so far")
        long bytes,
        @Schema(description = "bytes per second since the previous sample")
        double rate,
        @Schema(description = "mean of the rates of this sample and the up to 59 before it")
        double rollingAverage) {
}
