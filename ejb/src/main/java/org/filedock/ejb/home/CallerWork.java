package org.filedock.ejb.home;

import jakarta.ejb.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filedock.api.AuthMode;
import org.filedock.api.CommandException;
import org.filedock.api.FileDockConfig;
import org.filedock.ejb.account.SecurityRealmAccess;
import org.filedock.protocol.ErrorCode;
import org.wildfly.security.auth.server.SecurityIdentity;

/**
 * Runs file work for a caller that did not come through a socket session (an HTTP request), as
 * {@code CommandExecutor} does for a session: with {@code filedock.auth=none} as the shared
 * identity; with accounts as the authenticated caller, who must have a FileDock role and whose home
 * is opened at the first use.
 */
@ApplicationScoped
public class CallerWork {

    @FunctionalInterface
    public interface Work<T> {
        T run() throws CommandException;
    }

    @Inject
    FileDockConfig config;

    @Inject
    SecurityRealmAccess realm;

    @Inject
    Homes homes;

    /** @param context the calling bean's context (who the caller is) */
    public <T> T run(SessionContext context, Work<T> work) throws CommandException {
        if (config.auth() == AuthMode.NONE) {
            return asShared(work);
        }
        if (!context.isCallerInRole(SecurityRealmAccess.USER_ROLE)
                && !context.isCallerInRole(SecurityRealmAccess.ADMIN_ROLE)) {
            throw new CommandException(ErrorCode.FORBIDDEN, "the files are for the roles "
                    + SecurityRealmAccess.USER_ROLE + " and " + SecurityRealmAccess.ADMIN_ROLE);
        }
        homes.areaOfUser(context.getCallerPrincipal().getName());
        return work.run();
    }

    /**
     * Runs the work as the shared identity (anonymous with the user role), whatever the mode: for a
     * share link's holder, whose access the link decided, so that the file beans' role checks pass.
     */
    public <T> T asShared(Work<T> work) throws CommandException {
        SecurityIdentity shared = realm.sharedIdentity();
        if (shared == null) {
            return work.run();
        }
        return shared.<Work<T>, Object, T, CommandException>runAsFunctionEx(CallerWork::run, work, null);
    }

    private static <T> T run(Work<T> work, Object unused) throws CommandException {
        return work.run();
    }
}
