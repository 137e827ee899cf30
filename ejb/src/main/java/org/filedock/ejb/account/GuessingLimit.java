package org.filedock.ejb.account;

import java.util.function.LongSupplier;
import java.util.logging.Logger;

import org.filedock.api.LoginLimits;
import org.filedock.api.security.LoginThrottle;

/**
 * The cross-session guessing limit: failures counted per client address and per user name
 * ({@link LoginLimits}); past either threshold, attempts are refused for the cool-off. A
 * success clears the user name's count, never the address's: an attacker who holds one account
 * must not be able to wipe the count of his guesses at others by logging in as himself.
 */
public final class GuessingLimit implements LoginThrottle {

    private static final Logger LOG = Logger.getLogger(GuessingLimit.class.getName());
    /** Keys kept per kind at most (an entry is a few dozen bytes plus its key). */
    static final int CAPACITY = 10_000;
    /** A longer user name is counted by its first characters: no realm name is that long. */
    static final int LONGEST_USER_KEY = 256;

    private final LoginLimits limits;
    private final FailureLedger addresses;
    private final FailureLedger users;

    public GuessingLimit(LoginLimits limits, LongSupplier nanoClock) {
        this(limits, nanoClock, CAPACITY);
    }

    GuessingLimit(LoginLimits limits, LongSupplier nanoClock, int capacity) {
        this.limits = limits;
        this.addresses = new FailureLedger(limits.maxFailuresPerAddress(), limits.window(), limits.coolOff(),
                capacity, nanoClock);
        this.users = new FailureLedger(limits.maxFailuresPerUser(), limits.window(), limits.coolOff(),
                capacity, nanoClock);
    }

    @Override
    public boolean mayAttempt(String clientHost, String user) {
        return !addresses.isLocked(clientHost) && !users.isLocked(userKey(user));
    }

    @Override
    public void failed(String clientHost, String user) {
        if (addresses.failed(clientHost)) {
            LOG.warning("login lockout: address " + clientHost + " had " + limits.maxFailuresPerAddress()
                    + " failed logins within " + limits.window().toSeconds() + " s; refused for "
                    + limits.coolOff().toSeconds() + " s");
        }
        if (users.failed(userKey(user))) {
            LOG.warning("login lockout: user " + UserNames.forLog(user) + " had " + limits.maxFailuresPerUser()
                    + " failed logins within " + limits.window().toSeconds() + " s (last from " + clientHost
                    + "); refused for " + limits.coolOff().toSeconds() + " s");
        }
    }

    @Override
    public void succeeded(String clientHost, String user) {
        users.clear(userKey(user));
    }

    private static String userKey(String user) {
        return user.length() > LONGEST_USER_KEY ? user.substring(0, LONGEST_USER_KEY) : user;
    }
}
