package org.filedock.ejb.lock;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.StoragePath;

/**
 * The reader/writer locks of contract §6. Every method either grants the lock at once or
 * fails with {@code BUSY}; none waits.
 */
public interface LockManager {

    /**
     * Exclusive against other uploads and changes, but compatible with downloads: an upload
     * may replace a file that is being downloaded (the replace is atomic).
     *
     * @throws CommandException BUSY if the file is being uploaded, or the file or one of its
     *         ancestors holds a change lock
     */
    FileLock lockForUpload(StoragePath file) throws CommandException;

    /**
     * Shared with other downloads.
     *
     * @throws CommandException BUSY if the file is being uploaded, or the file or one of its
     *         ancestors holds a change lock
     */
    FileLock lockForDownload(StoragePath file) throws CommandException;

    /**
     * Exclusive over the whole subtree, for DELETE, MOVE (source and destination), RMDIR and
     * MKDIR.
     *
     * @throws CommandException BUSY if the path, a path below it or one of its ancestors holds
     *         any lock
     */
    FileLock lockForChange(StoragePath path) throws CommandException;
}
