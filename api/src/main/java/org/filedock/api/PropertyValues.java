package org.filedock.api;

import java.util.Locale;
import java.util.Properties;

/**
 * Reading {@code filedock.*} settings: a malformed value fails with a message that names the
 * property, so an operator's typo stops the start instead of meaning something else.
 */
public final class PropertyValues {

    private PropertyValues() {
    }

    /** The property as a whole number within {@code min..max}, or the default when it is not set. */
    public static long number(Properties p, String name, long defaultValue, long min, long max) {
        String value = p.getProperty(name);
        return value == null ? defaultValue : parse(name, value, min, max);
    }

    /** {@code value}, a setting of {@code name}, as a whole number within {@code min..max}. */
    public static long parse(String name, String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(name + ": " + parsed + " is outside " + min + ".." + max);
        }
        return parsed;
    }

    /** The property as {@code true} or {@code false}, or the default when it is not set. */
    public static boolean flag(Properties p, String name, boolean defaultValue) {
        String value = p.getProperty(name);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + ": not true or false: '" + value + "'");
        };
    }
}
