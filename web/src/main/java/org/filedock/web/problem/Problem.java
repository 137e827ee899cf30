package org.filedock.web.problem;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An error body in the shape of RFC 9457 ({@code application/problem+json}). */
@Schema(name = "Problem", description = "What went wrong (RFC 9457 problem details)")
public record Problem(
        @Schema(description = "the HTTP status code", examples = "404") int status,
        @Schema(description = "the status' reason phrase", examples = "Not Found") String title,
        @Schema(description = "what exactly was wrong") String detail,
        @Schema(description = "the protocol's error code (contract §4), for the file API; absent elsewhere",
                examples = "BUSY") String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem titled with the status' reason phrase. */
    public static Problem of(int status, String detail) {
        return of(status, detail, null);
    }

    /** A problem titled with the status' reason phrase, carrying a protocol error code. */
    public static Problem of(int status, String detail, String code) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return new Problem(status, type == null ? reasonOf(status) : type.getReasonPhrase(), detail, code);
    }

    /** The reason phrases JAX-RS does not know (WebDAV's and RFC 9110's newer ones). */
    private static String reasonOf(int status) {
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 423 -> "Locked";
            case 507 -> "Insufficient Storage";
            default -> "HTTP " + status;
        };
    }
}
