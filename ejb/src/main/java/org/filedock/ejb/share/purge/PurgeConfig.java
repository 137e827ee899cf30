package org.filedock.ejb.share.purge;

import java.time.Duration;
import java.util.Properties;

import org.filedock.api.PropertyValues;

/**
 * When expired share links are deleted, from system properties. A malformed value fails with a
 * message that names the property.
 *
 * @param grace how long after its expiry a link is kept (it answers 410 meanwhile, then 404)
 * @param interval how often the purge runs
 */
public record PurgeConfig(Duration grace, Duration interval) {

    public static final String GRACE = "filedock.share.purge-grace";
    public static final String INTERVAL = "filedock.share.purge-interval";
    static final long DEFAULT_GRACE_SECONDS = 7 * 24 * 60 * 60;
    static final long DEFAULT_INTERVAL_SECONDS = 60 * 60;

    public static PurgeConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    public static PurgeConfig from(Properties p) {
        return new PurgeConfig(
                Duration.ofSeconds(PropertyValues.number(p, GRACE, DEFAULT_GRACE_SECONDS, 0, Integer.MAX_VALUE)),
                Duration.ofSeconds(PropertyValues.number(p, INTERVAL, DEFAULT_INTERVAL_SECONDS, 1, Integer.MAX_VALUE)));
    }
}
