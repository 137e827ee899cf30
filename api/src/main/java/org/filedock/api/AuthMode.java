package org.filedock.api;

import java.util.Locale;

/** Whether a session must log in before it may do anything (contract §8, {@code filedock.auth}). */
public enum AuthMode {
    /** No login, one shared storage root: the 1.0 behaviour. */
    NONE,
    /** {@code LOGIN} first; each user works in a home of their own. */
    REQUIRED;

    static AuthMode parse(String property, String value) {
        if (value == null) {
            return NONE;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "required" -> REQUIRED;
            default -> throw new IllegalArgumentException(
                    property + ": not none or required: '" + value + "'");
        };
    }
}
