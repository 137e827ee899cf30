package org.filedock.ejb.service;

import java.util.List;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.filedock.api.CommandException;
import org.filedock.api.quota.Usage;
import org.filedock.ejb.lock.FileLock;
import org.filedock.ejb.lock.LockManager;
import org.filedock.ejb.account.SecurityRealmAccess;
import org.filedock.ejb.home.FileArea;
import org.filedock.ejb.home.Homes;
import org.filedock.ejb.path.PathResolver;
import org.filedock.ejb.path.StoragePath;
import org.filedock.ejb.quota.Quotas;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.ErrorCode;

/**
 * Every file operation but the transfers: paths are resolved against the session's current
 * directory, changes take the lock of what they touch, then the storage does the work.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed({SecurityRealmAccess.USER_ROLE, SecurityRealmAccess.ADMIN_ROLE})
public class FileOperations {

    private static final FileLock NO_LOCK = () -> { };

    @Inject
    Homes homes;

    @Resource
    SessionContext context;

    @Inject
    LockManager locks;

    @Inject
    Quotas quotas;

    public List<DirEntry> list(String currentDirectory, String path) throws CommandException {
        return area().storage().list(PathResolver.resolve(currentDirectory, path));
    }

    /** @return the directory's absolute path */
    public String directory(String currentDirectory, String path) throws CommandException {
        StoragePath directory = PathResolver.resolve(currentDirectory, path);
        if (!directory.isRoot() && !area().storage().stat(directory).isDirectory()) {
            throw new CommandException(ErrorCode.NOT_A_DIRECTORY, path + " is not a directory");
        }
        return directory.toString();
    }

    public void makeDirectory(String currentDirectory, String path) throws CommandException {
        StoragePath directory = PathResolver.resolveForCreate(currentDirectory, path);
        FileArea area = area();
        try (FileLock lock = area.lock(locks::lockForChange, directory)) {
            area.storage().createDirectory(directory);
        }
    }

    public void removeDirectory(String currentDirectory, String path) throws CommandException {
        StoragePath directory = PathResolver.resolve(currentDirectory, path);
        if (directory.isRoot()) {
            throw new CommandException(ErrorCode.FORBIDDEN, "cannot remove the root");
        }
        FileArea area = area();
        try (FileLock lock = area.lock(locks::lockForChange, directory)) {
            area.storage().deleteDirectory(directory);
        }
    }

    public void deleteFile(String currentDirectory, String path) throws CommandException {
        StoragePath file = PathResolver.resolve(currentDirectory, path);
        if (file.isRoot()) {
            throw new CommandException(ErrorCode.FORBIDDEN, "cannot delete the root");
        }
        FileArea area = area();
        try (FileLock lock = area.lock(locks::lockForChange, file)) {
            quotas.deleteFile(area, file);
        }
    }

    public void move(String currentDirectory, String sourcePath, String directoryPath) throws CommandException {
        move(currentDirectory, sourcePath, directoryPath, null);
    }

    /**
     * {@code MOVE}, optionally under a new name (the HTTP API's rename: {@code newName} given, the
     * same directory or another); {@code null} keeps the name.
     */
    public void move(String currentDirectory, String sourcePath, String directoryPath, String newName)
            throws CommandException {
        StoragePath source = PathResolver.resolve(currentDirectory, sourcePath);
        StoragePath directory = PathResolver.resolve(currentDirectory, directoryPath);
        if (source.isRoot()) {
            throw new CommandException(ErrorCode.FORBIDDEN, "cannot move the root");
        }
        String name = newName == null ? source.name() : newName;
        StoragePath target;
        try {
            target = directory.child(name);
        } catch (IllegalArgumentException e) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "invalid name: " + name);
        }
        FileArea area = area();
        try (FileLock sourceLock = area.lock(locks::lockForChange, source);
             FileLock targetLock = source.contains(target) ? NO_LOCK : area.lock(locks::lockForChange, target)) {
            // a target inside the source is refused by the storage (EXISTS or BAD_REQUEST)
            area.storage().move(source, directory, name);
        }
    }

    /** The caller's usage and quota (contract §13). */
    public Usage usage() throws CommandException {
        return quotas.usageOf(Quotas.accountOf(area()));
    }

    /** Where the caller works: the shared root, or the logged-in user's home. */
    private FileArea area() throws CommandException {
        return homes.areaOf(() -> context.getCallerPrincipal());
    }

    // --- STAT (contract §11) ---

    /** The entry of a file or directory as DIR lists it; the root is {@code d 0 <mtime> /}. */
    public DirEntry stat(String currentDirectory, String path) throws CommandException {
        return area().storage().stat(PathResolver.resolve(currentDirectory, path));
    }
}
