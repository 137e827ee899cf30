package org.filedock.ejb.resume;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.filedock.api.CommandException;
import org.filedock.api.files.OffsetMismatch;
import org.filedock.ejb.path.NameRules;
import org.filedock.ejb.storage.Spool;
import org.filedock.protocol.ErrorCode;

/**
 * The partial data of interrupted resumable uploads (contract §10), in one hidden directory
 * under the storage root, {@value #DIRECTORY}: for each {@link PartialKey}, the bytes received
 * so far ({@code <id>.part}) and a {@link PartialRecord} ({@code <id>.meta}). The directory's
 * name is reserved, so no client path reaches it and no listing shows it; the start-up sweep of
 * plain upload temporaries leaves it alone; a commit renames the partial over its target.
 *
 * <p>The bytes a partial holds are its file's length. A part that ends without a commit
 * (client gone, stalled, server stopping) is synced first ({@code fdatasync}), so a restart, or
 * a {@code kill -9} after the disconnect, keeps exactly what was counted.
 *
 * <p>A partial in use is claimed in memory: a second upload of the same key meanwhile is
 * {@code BUSY}, and the retention sweep passes it by.
 */
public class PartialStore {

    public static final String DIRECTORY = NameRules.RESERVED_PREFIX + "resume";
    static final String DATA_SUFFIX = ".part";
    static final String RECORD_SUFFIX = ".meta";

    /** {@link #open}: continue from whatever is held (the socket's {@code UPLOAD ... resume}). */
    static final long ANY_OFFSET = -1;

    private static final Logger LOG = Logger.getLogger(PartialStore.class.getName());

    private final Path directory;
    private final Duration retention;
    private final Clock clock;
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final PartialUsage usage;

    /** @param root the storage's real root; the partials' directory is made there when first needed */
    public PartialStore(Path root, Duration retention, Clock clock) {
        this(root, retention, clock, PartialUsage.UNCOUNTED);
    }

    /** @param usage told how each change of a partial changes its owner's usage (quotas) */
    public PartialStore(Path root, Duration retention, Clock clock, PartialUsage usage) {
        this.directory = root.resolve(DIRECTORY);
        this.retention = retention;
        this.clock = clock;
        this.usage = usage;
    }

    /** What opens the spool of a resumable upload of {@code key} with the announced size. */
    public Spool.Source spools(PartialKey key, long size) {
        return targetDirectory -> open(key, size, ANY_OFFSET);
    }

    /**
     * What opens the spool of a part that must begin at {@code from}: if the partial of this key
     * and size holds another number of bytes (none counts as 0), the part is refused with
     * {@link OffsetMismatch} before anything changes, the partial of another size included.
     */
    public Spool.Source spoolsFrom(PartialKey key, long size, long from) {
        return targetDirectory -> open(key, size, from);
    }

    /**
     * The bytes held of the partial of this key and size: 0 if there is none, or only one of
     * another size (which the next part would replace).
     *
     * @throws CommandException BUSY while a part of it is arriving
     */
    public long held(PartialKey key, long size) throws IOException, CommandException {
        String id = claim(key);
        try {
            return heldFor(id, key, size);
        } finally {
            claimed.remove(id);
        }
    }

    /**
     * Deletes the partial of this key and size (a client that starts over).
     *
     * @return whether there was one
     * @throws CommandException BUSY while a part of it is arriving
     */
    public boolean drop(PartialKey key, long size) throws IOException, CommandException {
        String id = claim(key);
        try {
            if (recordOf(id, key, size).isEmpty()) {
                return false;
            }
            deleteCounted(id);
            return true;
        } finally {
            claimed.remove(id);
        }
    }

    /** Claims a key's partial for this thread's work, or BUSY if another upload (or question) has it. */
    private String claim(PartialKey key) throws CommandException {
        String id = key.id();
        if (!claimed.add(id)) {
            throw new CommandException(ErrorCode.BUSY, key.path() + " is being uploaded");
        }
        return id;
    }

    /** The record of this id if it is of this key and size. */
    private Optional<PartialRecord> recordOf(String id, PartialKey key, long size) throws IOException {
        return PartialRecord.read(record(id)).filter(r -> r.key().equals(key) && r.size() == size);
    }

    private long heldFor(String id, PartialKey key, long size) throws IOException {
        if (recordOf(id, key, size).isEmpty()) {
            return 0;
        }
        long length = lengthOf(data(id));
        return length > size ? 0 : length;
    }

    /**
     * The partial of this key and size, positioned after the bytes it holds; a new, empty one
     * if there is none, or only one of another size (which is dropped).
     *
     * @throws CommandException BUSY if another upload of the same key is running
     */
    Spool open(PartialKey key, long size, long from) throws IOException, CommandException {
        String id = claim(key);
        try {
            if (from != ANY_OFFSET) {
                refuseUnlessHeld(id, key, size, from);
            }
            Optional<PartialSpool> held = reopen(id, key, size);
            if (held.isPresent()) {
                return held.get();
            }
            Files.createDirectories(directory);
            dropData(id, key.owner());
            PartialRecord record = new PartialRecord(key, size, clock.instant(), UUID.randomUUID().toString());
            record.write(record(id));
            FileChannel channel = FileChannel.open(data(id), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            return new PartialSpool(this, id, key.owner(), record.uploadId(), data(id), channel, 0);
        } catch (IOException | CommandException | RuntimeException e) {
            claimed.remove(id);
            throw e;
        }
    }

    private void refuseUnlessHeld(String id, PartialKey key, long size, long from) throws IOException, OffsetMismatch {
        long held = heldFor(id, key, size);
        if (held == from) {
            return;
        }
        Optional<PartialRecord> record = PartialRecord.read(record(id));
        if (record.isPresent() && record.get().key().equals(key) && record.get().size() != size) {
            throw new OffsetMismatch(0, "the upload of " + key.path() + " in progress is of " + record.get().size()
                    + " bytes, not " + size + "; a part of a new size must begin at 0");
        }
        throw new OffsetMismatch(held, "the server holds " + held + " bytes of the upload of " + key.path()
                + "; the next part must begin at " + held + ", not " + from);
    }

    /** The partial's data, positioned at its end, if there is one for this key and size. */
    private Optional<PartialSpool> reopen(String id, PartialKey key, long size) throws IOException {
        Optional<PartialRecord> record = recordOf(id, key, size);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(data(id), StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        long length = channel.size();
        if (length > size) { // cannot come from FileDock; start afresh rather than trust it
            channel.close();
            return Optional.empty();
        }
        channel.position(length);
        return Optional.of(new PartialSpool(this, id, key.owner(), record.get().uploadId(), data(id), channel, length));
    }

    /**
     * Deletes what an earlier partial of this id left (another size, a broken one), counted as
     * freed for the owner of its record; data without a record was never counted.
     */
    private void dropData(String id, String owner) throws IOException {
        Optional<PartialRecord> old = PartialRecord.read(record(id));
        usage.change(old.map(r -> r.key().owner()).orElse(owner), () -> {
            long length = old.isPresent() ? lengthOf(data(id)) : 0;
            Files.deleteIfExists(data(id));
            return -length;
        });
    }

    /**
     * Called by the spool when its upload ended. A commit's bytes are counted by the commit
     * (the partial became the file); a kept partial grew by what this part brought; a discarded
     * one no longer holds what it held.
     */
    void ended(PartialSpool spool, Spool.Ending ending) {
        try {
            usage.change(spool.owner(), () -> switch (ending) {
                case KEPT -> lengthOf(spool.file()) - spool.held();
                case DISCARDED -> {
                    delete(spool.id());
                    yield -spool.held();
                }
                case COMMITTED -> {
                    delete(spool.id());
                    yield 0;
                }
            });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot measure the partial data " + spool.file(), e);
        } finally {
            claimed.remove(spool.id());
        }
    }

    /** The bytes of the partials whose owners pass the test (for a usage count). */
    public long heldBy(Predicate<String> owners) {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        long total = 0;
        for (String id : ids()) {
            try {
                Optional<PartialRecord> record = PartialRecord.read(record(id));
                if (record.isPresent() && owners.test(record.get().key().owner())) {
                    total += lengthOf(data(id));
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot read the resumable upload " + id, e);
            }
        }
        return total;
    }

    private static long lengthOf(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /**
     * Deletes the partials to which no byte was added for the retention time, and the remains
     * of any that lost its record or its data (an interrupted start or end). Partials in use are
     * left alone.
     *
     * @return how many partials were deleted
     */
    public int sweepExpired() {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(retention);
        int deleted = 0;
        for (String id : ids()) {
            if (!claimed.add(id)) {
                continue;
            }
            try {
                if (isExpiredOrBroken(id, cutoff)) {
                    deleteCounted(id);
                    deleted++;
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot sweep the resumable upload " + id, e);
            } finally {
                claimed.remove(id);
            }
        }
        return deleted;
    }

    /** The directory where the partials are; for tests and for the operator's eyes. */
    public Path directory() {
        return directory;
    }

    private boolean isExpiredOrBroken(String id, Instant cutoff) throws IOException {
        if (PartialRecord.read(record(id)).isEmpty()) {
            return true;
        }
        FileTime lastWrite;
        try {
            lastWrite = Files.getLastModifiedTime(data(id), LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return true;
        }
        return lastWrite.toInstant().isBefore(cutoff);
    }

    private Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                int dot = name.indexOf('.');
                if (dot > 0) {
                    ids.add(name.substring(0, dot));
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list the resumable uploads in " + directory, e);
        }
        return ids;
    }

    /** Deletes a partial, counted as freed for the owner of its record (one without was never counted). */
    private void deleteCounted(String id) throws IOException {
        Optional<PartialRecord> record = PartialRecord.read(record(id));
        if (record.isEmpty()) {
            delete(id);
            return;
        }
        usage.change(record.get().key().owner(), () -> {
            long length = lengthOf(data(id));
            delete(id);
            return -length;
        });
    }

    /** Data first: a record without data is found broken and swept; data without a record too. */
    private void delete(String id) {
        for (Path file : new Path[] {data(id), record(id), record(id).resolveSibling(id + RECORD_SUFFIX + ".new")}) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot delete " + file, e);
            }
        }
    }

    private Path data(String id) {
        return directory.resolve(id + DATA_SUFFIX);
    }

    private Path record(String id) {
        return directory.resolve(id + RECORD_SUFFIX);
    }
}
