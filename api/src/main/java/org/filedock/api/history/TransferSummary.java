package org.filedock.api.history;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbNillable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One finished transfer as listed by {@code GET /api/transfers}. */
// null fields (the user without accounts) are written as null, not left out
@JsonbNillable
@Schema(description = "A finished transfer")
public record TransferSummary(
        @Schema(description = "the transfer's id, a UUID assigned when it started")
        String id,
        @Schema(description = "UPLOAD (client to server) or DOWNLOAD (server to client)")
        TransferDirection direction,
        @Schema(description = "absolute path within the storage root, e.g. /a/b.txt")
        String path,
        @Schema(description = "the client's address, host:port")
        String clientAddress,
        @Schema(description = "the user of the session (filedock.auth=required), null without accounts")
        String user,
        @Schema(description = "bytes announced by the upload, or the size of the downloaded file")
        long declaredSize,
        @Schema(description = "payload bytes that crossed the network")
        long bytesMoved,
        @Schema(description = "when the server accepted the transfer")
        Instant startedAt,
        @Schema(description = "when the transfer ended, whichever way")
        Instant endedAt,
        @Schema(description = "ABORTED: the client went away or stalled; FAILED: a server-side error")
        TransferOutcome outcome,
        @Schema(description = "bytes per second over the whole transfer")
        double meanRate,
        @Schema(description = "the parts of one resumable upload share this id (contract §10); absent otherwise")
        String uploadId,
        @Schema(description = "the door the transfer came through: protocol (the socket protocol), http (the HTTP file API) or share (a share link)", examples = "http")
        String channel,
        @Schema(description = "the server (jboss.node.name) that served the transfer; in a cluster, one of its nodes")
        String node) {
}
