package org.filedock.ejb.resume;

import java.time.Duration;
import java.util.Properties;

import org.filedock.api.PropertyValues;

/**
 * Settings of resumable uploads, from system properties. A malformed value fails with a message
 * that names the property.
 *
 * @param retention a partial to which no byte was added for this long is deleted
 */
public record ResumeConfig(Duration retention) {

    public static final String RETENTION = "filedock.resume.retention";
    static final long DEFAULT_RETENTION_SECONDS = 24 * 60 * 60;

    public static ResumeConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    public static ResumeConfig from(Properties p) {
        return new ResumeConfig(Duration.ofSeconds(
                PropertyValues.number(p, RETENTION, DEFAULT_RETENTION_SECONDS, 1, Integer.MAX_VALUE)));
    }

    /** How often the sweep looks for expired partials: a quarter of the retention, 1 s to 10 minutes. */
    public Duration sweepInterval() {
        Duration quarter = retention.dividedBy(4);
        Duration max = Duration.ofMinutes(10);
        Duration min = Duration.ofSeconds(1);
        return quarter.compareTo(max) > 0 ? max : quarter.compareTo(min) < 0 ? min : quarter;
    }
}
