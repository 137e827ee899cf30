package org.filedock.ejb.storage;

import java.nio.file.Path;
import java.util.List;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.DirEntry;

/**
 * The files behind the protocol, confined to one root (contract §3). Callers take the locks
 * of {@code org.filedock.ejb.lock} first; this layer only keeps each operation itself safe.
 */
public interface Storage {

    /**
     * The entry for a file or directory; the root's name is {@code "/"}.
     *
     * @throws CommandException NOT_FOUND, NOT_A_DIRECTORY (a parent is a file), FORBIDDEN
     */
    DirEntry stat(StoragePath path) throws CommandException;

    /**
     * The entries of a directory, sorted by the bytes of their UTF-8 names; the server's
     * temporary files and entries FileDock cannot represent are left out.
     *
     * @throws CommandException NOT_FOUND, NOT_A_DIRECTORY, FORBIDDEN
     */
    List<DirEntry> list(StoragePath directory) throws CommandException;

    /** @throws CommandException EXISTS, NOT_FOUND (parent), NOT_A_DIRECTORY, FORBIDDEN */
    void createDirectory(StoragePath directory) throws CommandException;

    /** @throws CommandException FORBIDDEN, NOT_A_DIRECTORY, NOT_FOUND, NOT_EMPTY */
    void deleteDirectory(StoragePath directory) throws CommandException;

    /**
     * @return the bytes the file took: its size, 0 for a symbolic link (the link goes, not its target)
     * @throws CommandException FORBIDDEN, IS_A_DIRECTORY, NOT_FOUND
     */
    long deleteFile(StoragePath file) throws CommandException;

    /**
     * Moves a file or directory into an existing directory, keeping its name, with one atomic
     * rename.
     *
     * @throws CommandException FORBIDDEN, NOT_FOUND, NOT_A_DIRECTORY, EXISTS, BAD_REQUEST (a
     *         directory into itself)
     */
    void move(StoragePath source, StoragePath targetDirectory) throws CommandException;

    /**
     * Moves a file or directory into an existing directory under a valid name (the same directory
     * renames it), with one atomic rename; as {@link #move(StoragePath, StoragePath)} otherwise.
     */
    void move(StoragePath source, StoragePath targetDirectory, String name) throws CommandException;

    /**
     * Checks everything that can be checked before the first byte, then opens a temporary file
     * beside the target. The caller must close the upload.
     *
     * @throws CommandException FORBIDDEN, NOT_FOUND, NOT_A_DIRECTORY, IS_A_DIRECTORY, NO_SPACE
     */
    Upload beginUpload(StoragePath file, long size) throws CommandException;

    /**
     * As {@link #beginUpload(StoragePath, long)}, but the bytes go to the spool that
     * {@code spools} opens (a resumable upload's partial data); the free-space check counts only
     * the bytes the spool does not hold yet.
     */
    Upload beginUpload(StoragePath file, long size, Spool.Source spools) throws CommandException;

    /** @throws CommandException NOT_FOUND, IS_A_DIRECTORY, NOT_A_DIRECTORY, FORBIDDEN */
    Download openDownload(StoragePath file) throws CommandException;

    /**
     * The real path of an existing regular file, checked as for a download (for reading it, or
     * its extended attributes).
     *
     * @throws CommandException NOT_FOUND, IS_A_DIRECTORY, NOT_A_DIRECTORY, FORBIDDEN
     */
    Path regularFile(StoragePath file) throws CommandException;

    /** Deletes the temporary files of uploads that a previous run left behind. */
    void sweepTemporaryFiles();

    /** The real path of the root directory. */
    Path root();

    /**
     * The same storage confined to a directory below its root (a user's home, contract §8),
     * which it sees as its root: paths, confinement (links leading out of the directory are
     * refused) and messages are relative to it. The directory is created if missing; it must be
     * a real directory, not a link.
     *
     * @throws CommandException NOT_A_DIRECTORY, FORBIDDEN (a link), NOT_FOUND (a parent)
     */
    Storage confinedTo(StoragePath directory) throws CommandException;
}
