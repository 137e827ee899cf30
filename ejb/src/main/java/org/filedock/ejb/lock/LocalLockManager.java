package org.filedock.ejb.lock;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.filedock.api.CommandException;
import org.filedock.api.metrics.LockCounts;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.ErrorCode;

/**
 * {@link LockManager} for one JVM. One monitor guards one map from path to the locks held on
 * it; a change lock scans the map for locks below its path, which is cheap at the scale of
 * the connection limit and keeps the bookkeeping obviously right.
 */
public final class LocalLockManager implements LockManager {

    private enum Kind { UPLOAD, DOWNLOAD, CHANGE }

    /** The locks held on one path. An entry with none is removed from the map. */
    private static final class Holds {
        boolean uploading;
        int downloads;
        boolean changing;

        boolean isEmpty() {
            return !uploading && downloads == 0 && !changing;
        }
    }

    private final Object monitor = new Object();
    private final Map<StoragePath, Holds> held = new HashMap<>();

    @Override
    public FileLock lockForUpload(StoragePath file) throws CommandException {
        return LockRequests.counted(LockCounts.Kind.UPLOAD, () -> takeForUpload(file));
    }

    @Override
    public FileLock lockForDownload(StoragePath file) throws CommandException {
        return LockRequests.counted(LockCounts.Kind.DOWNLOAD, () -> takeForDownload(file));
    }

    @Override
    public FileLock lockForChange(StoragePath path) throws CommandException {
        return LockRequests.counted(LockCounts.Kind.CHANGE, () -> takeForChange(path));
    }

    private FileLock takeForUpload(StoragePath file) throws CommandException {
        synchronized (monitor) {
            Holds holds = held.get(file);
            if (holds != null && holds.uploading) {
                throw busy(file + " is being uploaded");
            }
            refuseChangesAtOrAbove(file);
            return grant(file, Kind.UPLOAD);
        }
    }

    private FileLock takeForDownload(StoragePath file) throws CommandException {
        synchronized (monitor) {
            Holds holds = held.get(file);
            if (holds != null && holds.uploading) {
                throw busy(file + " is being uploaded");
            }
            refuseChangesAtOrAbove(file);
            return grant(file, Kind.DOWNLOAD);
        }
    }

    private FileLock takeForChange(StoragePath path) throws CommandException {
        synchronized (monitor) {
            for (StoragePath at = path; ; at = at.parent()) {
                Holds holds = held.get(at);
                if (holds != null) {
                    throw busy(describe(at, holds));
                }
                if (at.isRoot()) {
                    break;
                }
            }
            for (Map.Entry<StoragePath, Holds> entry : held.entrySet()) {
                StoragePath below = entry.getKey();
                if (path.contains(below)) {
                    Holds holds = entry.getValue();
                    throw busy(holds.changing ? below + " is being changed"
                            : path + " holds a file in transfer");
                }
            }
            return grant(path, Kind.CHANGE);
        }
    }

    @Override
    public String toString() {
        return "locks in this JVM";
    }

    /** How many paths hold a lock now; for tests and monitoring. */
    public int lockedPathCount() {
        synchronized (monitor) {
            return held.size();
        }
    }

    private void refuseChangesAtOrAbove(StoragePath file) throws CommandException {
        for (StoragePath at = file; ; at = at.parent()) {
            Holds holds = held.get(at);
            if (holds != null && holds.changing) {
                throw busy(at + " is being changed");
            }
            if (at.isRoot()) {
                return;
            }
        }
    }

    private static String describe(StoragePath path, Holds holds) {
        if (holds.changing) {
            return path + " is being changed";
        }
        return path + (holds.uploading ? " is being uploaded" : " is being downloaded");
    }

    private FileLock grant(StoragePath path, Kind kind) {
        Holds holds = held.computeIfAbsent(path, p -> new Holds());
        switch (kind) {
            case UPLOAD -> holds.uploading = true;
            case DOWNLOAD -> holds.downloads++;
            case CHANGE -> holds.changing = true;
        }
        return new Granted(path, kind);
    }

    private void release(StoragePath path, Kind kind) {
        synchronized (monitor) {
            Holds holds = held.get(path);
            if (holds == null) {
                return;
            }
            switch (kind) {
                case UPLOAD -> holds.uploading = false;
                case DOWNLOAD -> holds.downloads--;
                case CHANGE -> holds.changing = false;
            }
            if (holds.isEmpty()) {
                held.remove(path);
            }
        }
    }

    private static CommandException busy(String message) {
        return new CommandException(ErrorCode.BUSY, message);
    }

    private final class Granted implements FileLock {
        private final StoragePath path;
        private final Kind kind;
        private final AtomicBoolean released = new AtomicBoolean();

        Granted(StoragePath path, Kind kind) {
            this.path = path;
            this.kind = kind;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release(path, kind);
            }
        }

        @Override
        public String toString() {
            return kind + " lock on " + path;
        }
    }
}
