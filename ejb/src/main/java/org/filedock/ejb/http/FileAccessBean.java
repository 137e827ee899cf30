package org.filedock.ejb.http;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.filedock.api.AuthMode;
import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.api.FileDockConfig;
import org.filedock.api.SessionState;
import org.filedock.api.files.FileAccess;
import org.filedock.api.files.FileReading;
import org.filedock.ejb.account.SecurityRealmAccess;
import org.filedock.ejb.home.Homes;
import org.filedock.ejb.path.PathResolver;
import org.filedock.ejb.service.FileOperations;
import org.filedock.ejb.service.TransferService;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;
import org.wildfly.security.auth.server.SecurityIdentity;

/**
 * The HTTP door to the files (contract §14): a thin layer over the very beans the socket commands
 * call ({@link FileOperations}, {@link TransferService}), so that locks, homes, checks and history
 * are one. It only settles who the caller is, as {@code CommandExecutor} does for a session: with
 * {@code filedock.auth=none} the shared identity; with accounts the web request's authenticated
 * user, who must have a FileDock role and whose home is opened at the first use.
 */
@Stateless
@Local(FileAccess.class)
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FileAccessBean implements FileAccess {

    /** HTTP paths are absolute: the current directory is always the area's root. */
    private static final String ROOT = "/";

    @FunctionalInterface
    private interface Work<T> {
        T run() throws CommandException;
    }

    @Inject
    FileOperations files;

    @Inject
    TransferService transfers;

    @Inject
    FileDockConfig config;

    @Inject
    SecurityRealmAccess realm;

    @Inject
    Homes homes;

    @Resource
    SessionContext context;

    @Override
    public DirEntry stat(String path) throws CommandException {
        return asCaller(() -> files.stat(ROOT, path));
    }

    @Override
    public List<DirEntry> list(String path) throws CommandException {
        return asCaller(() -> files.list(ROOT, path));
    }

    @Override
    public FileReading openForReading(String path, SessionState session) throws CommandException {
        return asCaller(() -> transfers.openForReading(ROOT, path, session));
    }

    @Override
    public UploadResult upload(String path, long size, Optional<String> sha256, Exchange exchange)
            throws CommandException {
        return asCaller(() -> {
            boolean created = !exists(path);
            Reply reply = transfers.upload(ROOT, path, size, false, sha256, exchange);
            return new UploadResult(reply, created);
        });
    }

    @Override
    public void delete(String path) throws CommandException {
        asCaller(() -> {
            if (files.stat(ROOT, path).isDirectory()) {
                files.removeDirectory(ROOT, path);
            } else {
                files.deleteFile(ROOT, path);
            }
            return null;
        });
    }

    @Override
    public void makeDirectory(String path) throws CommandException {
        asCaller(() -> {
            files.makeDirectory(ROOT, path);
            return null;
        });
    }

    @Override
    public String move(String path, String directory) throws CommandException {
        return asCaller(() -> {
            files.move(ROOT, path, directory);
            return PathResolver.resolve(ROOT, directory).child(PathResolver.resolve(ROOT, path).name()).toString();
        });
    }

    @Override
    public String move(String path, String directory, String name) throws CommandException {
        return asCaller(() -> {
            files.move(ROOT, path, directory, name);
            return PathResolver.resolve(ROOT, directory).child(name).toString();
        });
    }

    private boolean exists(String path) throws CommandException {
        try {
            files.stat(ROOT, path);
            return true;
        } catch (CommandException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private <T> T asCaller(Work<T> work) throws CommandException {
        if (config.auth() == AuthMode.NONE) {
            SecurityIdentity shared = realm.sharedIdentity();
            if (shared == null) {
                return work.run();
            }
            return shared.<Work<T>, Object, T, CommandException>runAsFunctionEx(FileAccessBean::run, work, null);
        }
        if (!context.isCallerInRole(SecurityRealmAccess.USER_ROLE)
                && !context.isCallerInRole(SecurityRealmAccess.ADMIN_ROLE)) {
            throw new CommandException(ErrorCode.FORBIDDEN, "the files are for the roles "
                    + SecurityRealmAccess.USER_ROLE + " and " + SecurityRealmAccess.ADMIN_ROLE);
        }
        homes.areaOfUser(context.getCallerPrincipal().getName());
        return work.run();
    }

    private static <T> T run(Work<T> work, Object unused) throws CommandException {
        return work.run();
    }
}
