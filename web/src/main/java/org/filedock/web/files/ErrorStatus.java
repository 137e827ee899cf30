package org.filedock.web.files;

/**
 * The HTTP status of a protocol error code (contract §14). By name, so that codes added to the
 * protocol later ({@code QUOTA}) map without a change here.
 */
public final class ErrorStatus {

    private ErrorStatus() {
    }

    public static int of(String code) {
        return switch (code) {
            case "BAD_REQUEST", "UNKNOWN_COMMAND" -> 400;
            case "AUTH_REQUIRED", "DENIED" -> 401;
            case "FORBIDDEN" -> 403;
            case "NOT_FOUND" -> 404;
            case "TIMEOUT" -> 408;
            case "EXISTS", "NOT_EMPTY", "NOT_A_DIRECTORY", "IS_A_DIRECTORY" -> 409;
            case "CORRUPT" -> 422;
            case "BUSY" -> 423;
            case "LIMIT" -> 503;
            case "QUOTA", "NO_SPACE" -> 507;
            default -> 500;
        };
    }
}
