package org.filedock.web.history;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.filedock.web.problem.ProblemException;

/**
 * Query parameters read by hand, so that a malformed one is answered with a 400 that names it
 * (JAX-RS itself would answer a 404 for a parameter it cannot convert). Absent or empty means
 * not given.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (absent(value)) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        String choices = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw ProblemException.badRequest(name + " must be one of " + choices + ", not '" + value + "'");
    }

    public static Instant instant(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant such as 2026-11-25T21:00:00Z"
                    + " (a '+' offset written %2B), not '" + value + "'");
        }
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (absent(value)) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, not '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw ProblemException.badRequest(name + " must be between " + min + " and "
                    + (max == Integer.MAX_VALUE ? "2^31-1" : max) + ", not " + parsed);
        }
        return (int) parsed;
    }

    public static String text(String value) {
        return absent(value) ? null : value;
    }

    /** Checks that {@code since} comes before {@code until} when both are given. */
    public static void window(Instant since, Instant until) {
        if (since != null && until != null && !since.isBefore(until)) {
            throw ProblemException.badRequest("since (" + since + ") must be before until (" + until + ")");
        }
    }

    private static boolean absent(String value) {
        return value == null || value.isEmpty();
    }
}
