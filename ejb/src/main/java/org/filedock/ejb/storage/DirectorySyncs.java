package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes renames into a directory durable ({@code fsync} of the directory) with one {@code fsync}
 * for every rename done before it began (group commit): uploads committing into the same
 * directory at once share the directory's journal commit instead of queueing one each. Every
 * caller still returns only after an {@code fsync} that began after its own rename.
 */
final class DirectorySyncs {

    private static final Logger LOG = Logger.getLogger(DirectorySyncs.class.getName());

    private final ConcurrentHashMap<Path, Group> groups = new ConcurrentHashMap<>();
    private final Consumer<Path> force;

    DirectorySyncs() {
        this(DirectorySyncs::force);
    }

    /** @param force makes one directory's entries durable; never throws */
    DirectorySyncs(Consumer<Path> force) {
        this.force = force;
    }

    /**
     * Returns once the directory's entries as they are now are on disk. Not every platform can
     * open a directory for this: such a failure is logged, not thrown. The wait for another
     * caller's sync is not interruptible (it lasts one {@code fsync}): the rename is done, and
     * the reply must not come before it is durable.
     */
    void sync(Path directory) {
        Group group = groups.compute(directory, (d, g) -> (g == null ? new Group() : g).join());
        try {
            group.sync(directory, force);
        } finally {
            groups.computeIfPresent(directory, (d, g) -> g.leave() ? null : g);
        }
    }

    /** Directories with a caller right now (for tests: the map does not grow). */
    int active() {
        return groups.size();
    }

    /** Syncs asked for in this directory so far, by callers still in it (for tests). */
    long requested(Path directory) {
        Group group = groups.get(directory);
        return group == null ? 0 : group.requested();
    }

    private static void force(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot sync directory " + directory, e);
        }
    }

    /** The callers of one directory; {@code users} is only touched inside the map's compute. */
    private static final class Group {

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition ended = lock.newCondition();
        private int users;
        private long requested;
        private long completed;
        private boolean running;

        Group join() {
            users++;
            return this;
        }

        /** @return whether the last caller left */
        boolean leave() {
            return --users == 0;
        }

        long requested() {
            lock.lock();
            try {
                return requested;
            } finally {
                lock.unlock();
            }
        }

        void sync(Path directory, Consumer<Path> force) {
            lock.lock();
            try {
                long mine = ++requested;
                while (completed < mine) {
                    if (running) {
                        ended.awaitUninterruptibly();
                        continue;
                    }
                    running = true;
                    long covered = requested; // every one of these renamed before this fsync begins
                    lock.unlock();
                    try {
                        force.accept(directory);
                    } finally {
                        lock.lock();
                        running = false;
                        completed = covered;
                        ended.signalAll();
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
