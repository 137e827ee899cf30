package org.filedock.ejb.history;

import java.util.Locale;
import java.util.Properties;

/**
 * Settings of the transfer-rate history, from system properties. A malformed value fails with a
 * message that names the property.
 *
 * @param enabled      whether transfers are measured and stored at all
 * @param maxAgeDays   finished transfers older than this many days are deleted
 * @param maxTransfers at most this many finished transfers are kept, the newest
 */
public record HistoryConfig(boolean enabled, int maxAgeDays, int maxTransfers) {

    public static final String ENABLED = "filedock.history.enabled";
    public static final String MAX_AGE_DAYS = "filedock.history.max-age-days";
    public static final String MAX_TRANSFERS = "filedock.history.max-transfers";

    public static HistoryConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    public static HistoryConfig from(Properties p) {
        return new HistoryConfig(
                flag(p.getProperty(ENABLED)),
                number(p, MAX_AGE_DAYS, 30, 1, 1_000_000),
                number(p, MAX_TRANSFERS, 10_000, 1, Integer.MAX_VALUE));
    }

    private static boolean flag(String value) {
        if (value == null) {
            return true;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(ENABLED + ": not true or false: '" + value + "'");
        };
    }

    private static int number(Properties p, String name, int defaultValue, int min, int max) {
        String value = p.getProperty(name);
        if (value == null) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(name + ": " + parsed + " is outside " + min + ".." + max);
        }
        return (int) parsed;
    }
}
