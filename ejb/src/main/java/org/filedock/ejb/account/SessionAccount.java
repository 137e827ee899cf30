package org.filedock.ejb.account;

import org.filedock.api.SessionState;
import org.wildfly.security.auth.server.SecurityIdentity;

/**
 * The account side of one session, kept as its {@link SessionState#attachment()} so that it dies
 * with the session: the failed logins so far and, once logged in, the user's security identity,
 * which every later command of the session runs as.
 */
public final class SessionAccount {

    private int failedLogins;
    private volatile SecurityIdentity identity;

    public static SessionAccount of(SessionState session) {
        if (session.attachment() instanceof SessionAccount account) {
            return account;
        }
        SessionAccount account = new SessionAccount();
        session.attach(account);
        return account;
    }

    /** @return the failed logins of this session, this one included */
    public synchronized int failed() {
        return ++failedLogins;
    }

    public void loggedIn(SecurityIdentity user) {
        identity = user;
    }

    /** The logged-in user's identity; {@code null} before {@code LOGIN}. */
    public SecurityIdentity identity() {
        return identity;
    }

    @Override
    public String toString() {
        SecurityIdentity user = identity;
        return user == null ? "not logged in" : "logged in as " + user.getPrincipal().getName();
    }
}
