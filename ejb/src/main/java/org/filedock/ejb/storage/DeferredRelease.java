package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes the freeing of a removed file off the request's path. When the last name of a file
 * goes (an upload's rename over it, a DELETE), the kernel drops its cached pages and frees its
 * blocks inside that very system call: about 0.2 s per GiB on this project's machines, which
 * the client would wait for. Held open across the removal, the file is freed at its close
 * instead, and the close runs on an executor after the reply.
 */
final class DeferredRelease {

    /** Below this the freeing costs less than handing it over. */
    static final long THRESHOLD = 8L << 20;

    private static final Logger LOG = Logger.getLogger(DeferredRelease.class.getName());

    private final Executor executor;
    private final AtomicLong pendingBytes = new AtomicLong();

    /** @param executor runs the closes; one that runs its task at once frees synchronously */
    DeferredRelease(Executor executor) {
        this.executor = executor;
    }

    /**
     * Opens the file about to lose its name, if it is a regular file large enough to be worth
     * it. A symbolic link is not opened (its removal frees nothing).
     *
     * @param lastSeen the attributes of what the name led to when last looked at; null for
     *        nothing. Its size counts as pending until the release.
     * @return what to {@link Held#release() release} once the name is gone; never null
     */
    Held hold(Path file, BasicFileAttributes lastSeen) {
        if (lastSeen == null || !lastSeen.isRegularFile() || lastSeen.size() < THRESHOLD) {
            return Held.NOTHING;
        }
        long size = lastSeen.size();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            pendingBytes.addAndGet(size);
            return new Held(this, channel, size);
        } catch (IOException | UnsupportedOperationException e) {
            return Held.NOTHING; // gone, a link, unreadable: the removal frees it (or fails) as before
        }
    }

    /** Bytes of removed files whose space the file system has not got back yet. */
    long pendingBytes() {
        return pendingBytes.get();
    }

    private void closeLater(FileChannel channel, long size) {
        Runnable close = () -> {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a removed file failed", e);
            } finally {
                pendingBytes.addAndGet(-size);
            }
        };
        try {
            executor.execute(close);
        } catch (RejectedExecutionException e) {
            close.run(); // the application is stopping
        }
    }

    /** A removed file still open; {@link #release()} once, after the removal (or its failure). */
    static final class Held {

        static final Held NOTHING = new Held(null, null, 0);

        private final DeferredRelease owner;
        private final FileChannel channel;
        private final long size;

        private Held(DeferredRelease owner, FileChannel channel, long size) {
            this.owner = owner;
            this.channel = channel;
            this.size = size;
        }

        void release() {
            if (channel != null) {
                owner.closeLater(channel, size);
            }
        }
    }
}
