package org.filedock.ejb.quota;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * The default quota, {@code filedock.quota} (contract §12, §13): {@code unlimited} (the default),
 * a number of bytes, or a number with a binary suffix {@code K}, {@code M}, {@code G} or
 * {@code T} (KiB, MiB, GiB, TiB; any case, {@code 10G} or {@code 10GiB}). A malformed value fails
 * with a message that names the property.
 *
 * @param defaultQuota every user's quota unless an administrator set their own; with
 *        {@code filedock.auth=none} the quota of the whole shared root; empty for none
 */
public record QuotaConfig(OptionalLong defaultQuota) {

    public static final String QUOTA = "filedock.quota";
    private static final String UNLIMITED = "unlimited";
    private static final String UNITS = "KMGT";

    public static QuotaConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    public static QuotaConfig from(Properties p) {
        String value = p.getProperty(QUOTA);
        if (value == null || value.trim().equalsIgnoreCase(UNLIMITED)) {
            return new QuotaConfig(OptionalLong.empty());
        }
        return new QuotaConfig(OptionalLong.of(parseBytes(value)));
    }

    /** {@code 123}, {@code 10G}, {@code 10GiB}, {@code 512k}: a number of bytes. */
    static long parseBytes(String value) {
        String text = value.trim().toUpperCase(Locale.ROOT);
        if (text.endsWith("IB")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("B") && text.length() > 1 && UNITS.indexOf(text.charAt(text.length() - 2)) >= 0) {
            text = text.substring(0, text.length() - 1);
        }
        int shift = 0;
        if (!text.isEmpty() && UNITS.indexOf(text.charAt(text.length() - 1)) >= 0) {
            shift = 10 * (UNITS.indexOf(text.charAt(text.length() - 1)) + 1);
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9') || text.length() > 19) {
            throw new IllegalArgumentException(QUOTA + ": not a size in bytes (e.g. 1073741824, 10G): '" + value + "'");
        }
        long number;
        try {
            number = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(QUOTA + ": too large: '" + value + "'");
        }
        if (number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(QUOTA + ": too large: '" + value + "'");
        }
        return number << shift;
    }
}
