package org.filedock.api.history;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbNillable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A transfer in progress. */
// null fields (the user without accounts) are written as null, not left out
@JsonbNillable
@Schema(description = "A transfer in progress")
public record LiveTransfer(
        @Schema(description = "the transfer's id, a UUID")
        String id,
        @Schema(description = "UPLOAD (client to server) or DOWNLOAD (server to client)")
        TransferDirection direction,
        @Schema(description = "absolute path within the storage root")
        String path,
        @Schema(description = "the client's address, host:port")
        String clientAddress,
        @Schema(description = "the user of the session (filedock.auth=required), null without accounts")
        String user,
        @Schema(description = "bytes announced by the upload, or the size of the downloaded file")
        long declaredSize,
        @Schema(description = "payload bytes moved so far")
        long bytesMoved,
        @Schema(description = "when the server accepted the transfer")
        Instant startedAt,
        @Schema(description = "bytes per second over the latest sampling interval (before the first: the mean so far)")
        double currentRate,
        @Schema(description = "the door the transfer came through: protocol (the socket protocol), http (the HTTP file API) or share (a share link)", examples = "http")
        String channel) {
}
