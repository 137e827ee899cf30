package org.filedock.api;

import java.time.Duration;
import java.util.Properties;

/**
 * How password guessing is stopped (contract §8 and beyond): a growing delay after each failure
 * in a session, the session closed after {@link #maxFailuresPerSession()} failures, and, across
 * sessions, a client address or a user name with too many recent failures refused outright for
 * a cool-off.
 *
 * @param maxFailuresPerSession failures after which the session is closed (the contract's 5)
 * @param firstFailureDelay the delay before the reply to a session's first failure; it doubles
 *        with each further failure
 * @param maxFailuresPerAddress failures from one client address within {@link #window()} after
 *        which that address is refused
 * @param maxFailuresPerUser failures for one user name within {@link #window()} after which
 *        logins as that user are refused
 * @param window how far back failures are counted
 * @param coolOff how long an address or user name stays refused
 */
public record LoginLimits(
        int maxFailuresPerSession,
        Duration firstFailureDelay,
        int maxFailuresPerAddress,
        int maxFailuresPerUser,
        Duration window,
        Duration coolOff) {

    public static final String FAILURE_DELAY_MS = "filedock.login.failure-delay-ms";
    public static final String MAX_FAILURES_PER_ADDRESS = "filedock.login.max-failures-per-address";
    public static final String MAX_FAILURES_PER_USER = "filedock.login.max-failures-per-user";
    public static final String WINDOW = "filedock.login.window";
    public static final String COOL_OFF = "filedock.login.cool-off";

    static LoginLimits from(Properties p) {
        return new LoginLimits(
                5,
                Duration.ofMillis(PropertyValues.number(p, FAILURE_DELAY_MS, 250, 0, 10_000)),
                (int) PropertyValues.number(p, MAX_FAILURES_PER_ADDRESS, 10, 1, 1_000_000),
                (int) PropertyValues.number(p, MAX_FAILURES_PER_USER, 20, 1, 1_000_000),
                Duration.ofSeconds(PropertyValues.number(p, WINDOW, 900, 1, 86_400 * 30)),
                Duration.ofSeconds(PropertyValues.number(p, COOL_OFF, 900, 1, 86_400 * 30)));
    }
}
