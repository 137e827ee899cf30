package org.filedock.ejb.command;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.filedock.api.AuthMode;
import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.api.FileDockConfig;
import org.filedock.api.LoginLimits;
import org.filedock.api.SessionState;
import org.filedock.api.security.LoginThrottle;
import org.filedock.ejb.account.SecurityRealmAccess;
import org.filedock.ejb.account.SessionAccount;
import org.filedock.ejb.account.UserNames;
import org.filedock.ejb.home.Homes;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;
import org.wildfly.security.auth.server.SecurityIdentity;

/**
 * {@code LOGIN <user> <password>} (contract §8): the password is checked by the server's security
 * realm, unless the guessing limit refuses the attempt first. Every failure, whatever its cause,
 * gets the same words, held back to the same time after the line arrived (doubling with each
 * failure of the session, so an unknown user is never answered sooner), and the session's last
 * allowed failure ends it.
 */
@Dependent
public class LoginCommand implements Command {

    static final String NAME = "LOGIN";
    private static final String USAGE = "LOGIN <user> <password>";
    static final String DENIED = "invalid user or password";
    static final String TOO_MANY = "too many failed logins";
    private static final Logger LOG = Logger.getLogger(LoginCommand.class.getName());

    @Inject
    FileDockConfig config;

    @Inject
    LoginThrottle throttle;

    @Inject
    SecurityRealmAccess realm;

    @Inject
    Homes homes;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        if (config.auth() == AuthMode.NONE) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "accounts are off");
        }
        Arguments.expect(request, 2, USAGE);
        SessionState session = exchange.session();
        if (session.user().isPresent()) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "already logged in");
        }
        String user = request.arg(0);
        String host = hostOf(session.clientAddress());
        char[] password = request.arg(1).toCharArray();
        Optional<SecurityIdentity> identity;
        try {
            identity = check(user, password, host);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (identity.isEmpty()) {
            return refuse(exchange, host, user);
        }
        String name = identity.get().getPrincipal().getName();
        homes.open(name);
        SessionAccount.of(session).loggedIn(identity.get());
        session.logIn(name);
        session.changeDirectory("/");
        LOG.info(session + " logged in");
        return Reply.ok("Logged in as " + name);
    }

    private Optional<SecurityIdentity> check(String user, char[] password, String host) throws CommandException {
        if (!throttle.mayAttempt(host, user)) {
            LOG.warning("failed LOGIN as " + UserNames.forLog(user) + " from " + host
                    + ": refused without asking the realm (too many recent failures from this address or for this user)");
            return Optional.empty();
        }
        if (!UserNames.isSafe(user)) {
            LOG.warning("failed LOGIN from " + host + ": the user name " + UserNames.forLog(user)
                    + " is not allowed (not a safe directory name)");
            throttle.failed(host, user);
            return Optional.empty();
        }
        Optional<SecurityIdentity> identity = realm.authenticate(user, password);
        if (identity.isEmpty() || !UserNames.isSafe(identity.get().getPrincipal().getName())) {
            LOG.warning("failed LOGIN as " + UserNames.forLog(user) + " from " + host
                    + ": unknown user, wrong password or no FileDock role");
            throttle.failed(host, user);
            return Optional.empty();
        }
        throttle.succeeded(host, user);
        return identity;
    }

    private Reply refuse(Exchange exchange, String host, String user) {
        LoginLimits limits = config.loginLimits();
        int failures = SessionAccount.of(exchange.session()).failed();
        Duration delay = limits.firstFailureDelay().multipliedBy(1L << Math.min(failures - 1, 20));
        exchange.replyNoSoonerThan(delay);
        if (failures >= limits.maxFailuresPerSession()) {
            LOG.warning(exchange.session() + " disconnected after " + failures + " failed logins (last as "
                    + UserNames.forLog(user) + " from " + host + ")");
            return Reply.disconnected(TOO_MANY);
        }
        return Reply.error(ErrorCode.DENIED, DENIED);
    }

    /** The client's address without its port: {@code 10.0.0.7:51234} → {@code 10.0.0.7}. */
    public static String hostOf(String clientAddress) {
        int colon = clientAddress.lastIndexOf(':');
        String host = colon > 0 ? clientAddress.substring(0, colon) : clientAddress;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
