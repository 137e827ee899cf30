package org.filedock.web.problem;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An error body in the shape of RFC 9457 ({@code application/problem+json}). */
@Schema(name = "Problem", description = "What went wrong (RFC 9457 problem details)")
public record Problem(
        @Schema(description = "the HTTP status code", examples = "404") int status,
        @Schema(description = "the status' reason phrase", examples = "Not Found") String title,
        @Schema(description = "what exactly was wrong") String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem titled with the status' reason phrase. */
    public static Problem of(int status, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return new Problem(status, type == null ? "HTTP " + status : type.getReasonPhrase(), detail);
    }
}
