package org.filedock.ejb.audit;

import java.util.Properties;

import org.filedock.api.PropertyValues;

/**
 * Settings of the audit trail, from system properties. Independent of
 * {@code filedock.history.enabled}: switching off the rate sampling does not switch off the record
 * of who did what. Entries older than {@code filedock.history.max-age-days} are deleted as the
 * transfers are.
 *
 * @param enabled    whether commands are recorded at all
 * @param maxEntries at most this many entries are kept, the newest
 */
public record AuditConfig(boolean enabled, int maxEntries) {

    public static final String ENABLED = "filedock.audit.enabled";
    public static final String MAX_ENTRIES = "filedock.audit.max-entries";

    public static AuditConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    public static AuditConfig from(Properties p) {
        return new AuditConfig(
                PropertyValues.flag(p, ENABLED, true),
                (int) PropertyValues.number(p, MAX_ENTRIES, 1_000_000, 1, Integer.MAX_VALUE));
    }
}
