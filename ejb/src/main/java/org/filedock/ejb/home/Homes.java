package org.filedock.ejb.home;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filedock.api.AuthMode;
import org.filedock.api.CommandException;
import org.filedock.api.FileDockConfig;
import org.filedock.ejb.account.UserNames;
import org.filedock.ejb.path.StoragePath;
import org.filedock.ejb.storage.Storage;
import org.filedock.protocol.ErrorCode;

/**
 * Who works where (contract §8): with {@code filedock.auth=none} everybody shares the storage
 * root; with accounts, each user has a home {@code <root>/<user>/}, created at the first login.
 * The one place that maps a user to a directory.
 *
 * <p>The areas of the users who logged in since the deployment are kept (one small object each,
 * as many as the realm has FileDock users); a caller without one is refused, so nothing but a
 * login makes a home.</p>
 */
@ApplicationScoped
public class Homes {

    private static final Logger LOG = Logger.getLogger(Homes.class.getName());

    @Inject
    FileDockConfig config;

    @Inject
    Storage storage;

    private final Map<String, FileArea> opened = new ConcurrentHashMap<>();
    private volatile FileArea shared;

    /**
     * The area of the caller of a file operation.
     *
     * @param caller the EJB caller's principal, asked for only with accounts
     * @throws CommandException FORBIDDEN when, with accounts, the caller has not logged in
     */
    public FileArea areaOf(Supplier<Principal> caller) throws CommandException {
        if (config.auth() == AuthMode.NONE) {
            FileArea area = shared;
            if (area == null) {
                area = new FileArea(StoragePath.ROOT, storage);
                shared = area;
            }
            return area;
        }
        String user = caller.get().getName();
        FileArea area = opened.get(user);
        if (area == null) {
            LOG.severe("a file operation for " + UserNames.forLog(user) + ", who has not logged in, was refused");
            throw new CommandException(ErrorCode.FORBIDDEN, "not logged in");
        }
        return area;
    }

    /**
     * At login: the user's home, created if missing.
     *
     * @throws CommandException INTERNAL if the name is no safe directory name or the home cannot
     *         be made (e.g. a file or a link of that name is in the way), logged
     */
    public FileArea open(String user) throws CommandException {
        if (!UserNames.isSafe(user)) {
            throw new IllegalArgumentException("not a safe user name");
        }
        StoragePath home = homeOf(user);
        try {
            FileArea area = new FileArea(home, storage.confinedTo(home));
            opened.put(user, area);
            return area;
        } catch (CommandException e) {
            LOG.severe("cannot open the home of " + user + " (" + storage.root().resolve(user) + "): "
                    + e.code() + " " + e.getMessage());
            throw new CommandException(ErrorCode.INTERNAL, "cannot open the home directory");
        }
    }

    /**
     * The area of a user whom another door authenticated (HTTP, contract §14): the same home,
     * made at the first use as a {@code LOGIN} makes it.
     *
     * @throws CommandException FORBIDDEN for a name that is no safe directory name, INTERNAL as
     *         {@link #open}
     */
    public FileArea areaOfUser(String user) throws CommandException {
        FileArea area = opened.get(user);
        if (area != null) {
            return area;
        }
        if (!UserNames.isSafe(user)) {
            LOG.warning("the user name " + UserNames.forLog(user) + " is no safe directory name; refused");
            throw new CommandException(ErrorCode.FORBIDDEN, "this user name cannot have a home");
        }
        return open(user);
    }

    /** Where a user's home lies under the storage root. */
    public static StoragePath homeOf(String user) {
        return StoragePath.of(user);
    }
}
