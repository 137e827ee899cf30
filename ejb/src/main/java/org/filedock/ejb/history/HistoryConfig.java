package org.filedock.ejb.history;

import java.util.Properties;

import org.filedock.api.PropertyValues;

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
                PropertyValues.flag(p, ENABLED, true),
                (int) PropertyValues.number(p, MAX_AGE_DAYS, 30, 1, 1_000_000),
                (int) PropertyValues.number(p, MAX_TRANSFERS, 10_000, 1, Integer.MAX_VALUE));
    }
}
