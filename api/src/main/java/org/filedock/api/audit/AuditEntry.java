package org.filedock.api.audit;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbNillable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One recorded command: who, from where, when, what on which path, and how it ended. */
// null fields (the user without accounts) are written as null, not left out
@JsonbNillable
@Schema(description = "One recorded command")
public record AuditEntry(
        @Schema(description = "when the command ended")
        Instant time,
        @Schema(description = "the logged-in user; for LOGIN the name tried; null without accounts (filedock.auth=none)")
        String user,
        @Schema(description = "the client's address, host:port")
        String clientAddress,
        AuditAction action,
        @Schema(description = "the path as the user sees it, resolved against the current directory (e.g. /docs/a.txt);"
                + " a path that could not be resolved as given; null for LOGIN")
        String path,
        @Schema(description = "MOVE only: the target directory, resolved as path is")
        String target,
        @Schema(description = "OK, or the error code of the reply (NOT_FOUND, BUSY, DENIED, ...),"
                + " or DISCONNECTED when the server closed the session instead")
        String outcome) {

    public static final String OK = "OK";
}
