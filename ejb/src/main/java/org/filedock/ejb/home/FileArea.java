package org.filedock.ejb.home;

import java.util.ArrayList;
import java.util.List;

import org.filedock.api.CommandException;
import org.filedock.ejb.lock.FileLock;
import org.filedock.ejb.path.StoragePath;
import org.filedock.ejb.storage.Storage;

/**
 * The part of the storage one caller works in, seen by the caller as {@code /}: the whole root
 * without accounts, a user's home with them.
 *
 * @param home where the area lies under the storage root ({@link StoragePath#ROOT} for the root)
 * @param storage a storage confined to the area: it takes the caller's paths, and neither follows
 *        links out of the area nor names anything outside it in its messages
 */
public record FileArea(StoragePath home, Storage storage) {

    /** One of the {@code LockManager}'s methods. */
    @FunctionalInterface
    public interface Locking {
        FileLock lock(StoragePath path) throws CommandException;
    }

    /**
     * Takes a lock on the real storage path of a caller's path ({@link #lockPath}); a refusal
     * ({@code BUSY}) names the path as the caller sees it, never the home's own name.
     */
    public FileLock lock(Locking locking, StoragePath callerPath) throws CommandException {
        try {
            return locking.lock(lockPath(callerPath));
        } catch (CommandException e) {
            throw inCallerTerms(e);
        }
    }

    private CommandException inCallerTerms(CommandException e) {
        String prefix = home.toString();
        String message = e.getMessage();
        if (home.isRoot() || message == null) {
            return e;
        }
        if (message.startsWith(prefix + "/")) {
            return new CommandException(e.code(), message.substring(prefix.length()));
        }
        if (message.startsWith(prefix + " ")) {
            return new CommandException(e.code(), "/" + message.substring(prefix.length()));
        }
        return e;
    }

    /**
     * The path locks are taken on: the real storage path, so that two users' {@code /a} are two
     * different files, and one file is one lock whoever reaches it.
     */
    public StoragePath lockPath(StoragePath callerPath) {
        if (home.isRoot()) {
            return callerPath;
        }
        List<String> segments = new ArrayList<>(home.segments());
        segments.addAll(callerPath.segments());
        return StoragePath.of(segments.toArray(String[]::new));
    }
}
