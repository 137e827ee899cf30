package org.filedock.web.security;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.filedock.api.security.LoginThrottle;

/**
 * One login attempt over HTTP (Basic or the page's login form), checked the way the socket
 * {@code LOGIN} is: the shared {@link LoginThrottle} first, then the realm through
 * {@link HttpServletRequest#login}, which goes through the deployment's Elytron security domain
 * (the application realm); the outcome is reported back to the throttle. Passwords are never logged.
 */
@ApplicationScoped
public class RealmLogin {

    private static final Logger LOG = Logger.getLogger(RealmLogin.class.getName());

    /**
     * Looked up, not required: the throttle is a local EJB of the EJB module, and this web part
     * works (without a cross-session limit, saying so once in the log) where none is deployed.
     */
    @Inject
    Instance<LoginThrottle> throttles;

    private LoginThrottle throttle;

    @PostConstruct
    void findThrottle() {
        if (throttles.isResolvable()) {
            throttle = throttles.get();
        } else {
            LOG.warning("no LoginThrottle bean is deployed: HTTP logins are not limited across requests");
        }
    }

    /**
     * An earlier login of the request (a session cookie sent along) is ended first.
     *
     * @return whether {@code request} is now authenticated as {@code user}; {@code false} for a
     *         wrong user or password and for an attempt the throttle refuses, alike
     */
    public boolean login(HttpServletRequest request, String user, String password) {
        String host = request.getRemoteAddr();
        if (throttle != null && !throttle.mayAttempt(host, user)) {
            LOG.fine(() -> "HTTP login as " + user + " from " + host + " refused by the throttle");
            return false;
        }
        boolean accepted;
        try {
            if (request.getUserPrincipal() != null) {
                // the container refuses a login over an earlier one (the page's session): end that first
                request.logout();
            }
            request.login(user, password);
            accepted = true;
        } catch (ServletException e) {
            LOG.log(Level.FINE, "HTTP login as {0} from {1} failed", new Object[] {user, host});
            accepted = false;
        }
        if (throttle != null) {
            if (accepted) {
                throttle.succeeded(host, user);
            } else {
                throttle.failed(host, user);
            }
        }
        return accepted;
    }
}
