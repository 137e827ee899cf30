package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.ErrorCode;

/**
 * Maps an {@link IOException} to the error the client is told. What only the operator should
 * see (server paths, the exception itself) goes to the log; the client gets a short message in
 * terms of its own path.
 */
final class IoErrors {

    private static final Logger LOG = Logger.getLogger(IoErrors.class.getName());

    private IoErrors() {
    }

    /**
     * @param action what was being done, as a verb phrase for the message ("delete", "list")
     * @param path the client's path the failure is about
     */
    static CommandException translate(IOException e, String action, StoragePath path) {
        if (isOutOfSpace(e)) {
            LOG.log(Level.WARNING, "storage full: cannot " + action + " " + path, e);
            return new CommandException(ErrorCode.NO_SPACE, "no space left on the storage");
        }
        if (e instanceof NoSuchFileException) {
            return new CommandException(ErrorCode.NOT_FOUND, path + " not found");
        }
        if (e instanceof FileAlreadyExistsException) {
            return new CommandException(ErrorCode.EXISTS, path + " already exists");
        }
        if (e instanceof DirectoryNotEmptyException) {
            return new CommandException(ErrorCode.NOT_EMPTY, path + " is not empty");
        }
        if (e instanceof NotDirectoryException || hasReason(e, "not a directory")) {
            return new CommandException(ErrorCode.NOT_A_DIRECTORY, path + " is not a directory");
        }
        if (e instanceof AtomicMoveNotSupportedException) {
            LOG.log(Level.WARNING, "cannot " + action + " " + path
                    + " atomically: the storage root spans file systems", e);
            return new CommandException(ErrorCode.INTERNAL,
                    "cannot " + action + " " + path + " across file systems");
        }
        if (e instanceof AccessDeniedException) {
            LOG.log(Level.SEVERE, "access denied: cannot " + action + " " + path, e);
        } else {
            LOG.log(Level.SEVERE, "cannot " + action + " " + path, e);
        }
        return internal(action, path);
    }

    static CommandException internal(String action, StoragePath path) {
        return new CommandException(ErrorCode.INTERNAL, "cannot " + action + " " + path);
    }

    static boolean isOutOfSpace(IOException e) {
        return hasReason(e, "no space left on device") || hasReason(e, "disk quota exceeded");
    }

    private static boolean hasReason(IOException e, String words) {
        String text = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (text == null) {
            text = e.getMessage();
        }
        return text != null && text.toLowerCase(Locale.ROOT).contains(words);
    }
}
