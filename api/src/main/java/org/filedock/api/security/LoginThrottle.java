package org.filedock.api.security;

/**
 * Stops password guessing across sessions and doors (socket {@code LOGIN}, HTTP Basic, the web
 * page's login): failures are counted per client address and per user name, and past the
 * thresholds of {@link org.filedock.api.LoginLimits} an attempt is refused for a cool-off without
 * the realm being asked. A local business interface, implemented in the EJB module, so that the
 * adapter's commands and the web tier share one count.
 */
public interface LoginThrottle {

    /**
     * @param clientHost the client's address without the port
     * @return whether a login attempt from {@code clientHost} as {@code user} may go to the realm
     *         now; {@code false}: refuse it as a wrong password, at once
     */
    boolean mayAttempt(String clientHost, String user);

    void failed(String clientHost, String user);

    void succeeded(String clientHost, String user);
}
