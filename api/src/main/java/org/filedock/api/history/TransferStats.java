package org.filedock.api.history;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Per-direction figures over the transfers started in {@code [since, until)}; both directions always present. */
@Schema(description = "Per-direction figures over the transfers started in [since, until)")
public record TransferStats(
        Instant since,
        @Schema(description = "excluded from the window")
        Instant until,
        @Schema(description = "UPLOAD, then DOWNLOAD, both always present")
        List<DirectionStats> directions) {

    public TransferStats {
        directions = List.copyOf(directions);
    }
}
