package org.filedock.ejb.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.ErrorCode;

/**
 * {@link Storage} on the local disk under one root directory. Every path goes through
 * {@link RootConfinement}; removals and renames act on the entry itself (a symbolic link, not
 * its target), reads on the checked real path.
 */
public final class LocalDiskStorage implements Storage {

    private static final Logger LOG = Logger.getLogger(LocalDiskStorage.class.getName());

    private final RootConfinement confinement;
    private final DirectoryLister lister;
    private final UploadOpener uploads;
    private final OptionalLong maxFileSize;
    private final DeferredRelease release;
    private final DirectorySyncs directories;
    private final Executor background;

    /** Does everything on the caller's thread (freeing removed files, flushing uploads). */
    public LocalDiskStorage(Path root, OptionalLong maxFileSize) {
        this(root, maxFileSize, Runnable::run);
    }

    /**
     * @param root created if missing
     * @param maxFileSize the largest file an upload may make; empty for no limit but free space
     * @param background runs what need not delay a reply: closing large files after they lost
     *        their last name (replaced by an upload, deleted), flushing large uploads as they
     *        arrive
     * @throws UncheckedIOException if the root can't be created or resolved
     */
    public LocalDiskStorage(Path root, OptionalLong maxFileSize, Executor background) {
        Path realRoot;
        try {
            Files.createDirectories(root);
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + root + " as the storage root", e);
        }
        if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8"))) {
            LOG.warning("the JVM encodes file names as " + System.getProperty("sun.jnu.encoding")
                    + ", not UTF-8: names outside ASCII will fail; start it with a UTF-8 locale"
                    + " (e.g. LANG=C.UTF-8)");
        }
        this.confinement = new RootConfinement(realRoot);
        this.lister = new DirectoryLister(realRoot);
        this.release = new DeferredRelease(background);
        this.directories = new DirectorySyncs();
        this.uploads = new UploadOpener(confinement, maxFileSize, release, background, directories);
        this.maxFileSize = maxFileSize;
        this.background = background;
    }

    /** A storage on a real directory below another's root, sharing its limits, its pending releases and its directory syncs. */
    private LocalDiskStorage(Path realRoot, LocalDiskStorage whole) {
        this.confinement = new RootConfinement(realRoot);
        this.lister = new DirectoryLister(realRoot);
        this.release = whole.release;
        this.directories = whole.directories;
        this.uploads = new UploadOpener(confinement, whole.maxFileSize, release, whole.background, directories);
        this.maxFileSize = whole.maxFileSize;
        this.background = whole.background;
    }

    @Override
    public DirEntry stat(StoragePath path) throws CommandException {
        DirEntry entry = DirectoryLister.entryOf(path.isRoot() ? "/" : path.name(),
                confinement.locate(path).attributes());
        if (entry == null) {
            throw notFound(path);
        }
        return entry;
    }

    @Override
    public List<DirEntry> list(StoragePath directory) throws CommandException {
        return lister.list(confinement.existingDirectory(directory), directory);
    }

    @Override
    public void createDirectory(StoragePath directory) throws CommandException {
        if (directory.isRoot()) {
            throw new CommandException(ErrorCode.FORBIDDEN, "cannot create the root");
        }
        try {
            Files.createDirectory(confinement.entry(directory));
        } catch (FileAlreadyExistsException e) {
            throw new CommandException(ErrorCode.EXISTS, directory + " already exists");
        } catch (IOException e) {
            throw IoErrors.translate(e, "create", directory);
        }
    }

    @Override
    public void deleteDirectory(StoragePath directory) throws CommandException {
        if (directory.isRoot()) {
            throw new CommandException(ErrorCode.FORBIDDEN, "cannot delete the root");
        }
        RootConfinement.Located located = confinement.locate(directory);
        if (!located.isDirectory()) {
            throw RootConfinement.notADirectory(directory);
        }
        boolean link = !located.entry().equals(located.real());
        if (link && hasAnyEntry(located.real(), directory)) {
            // the link itself would go, but RMDIR promises that nothing with entries does
            throw notEmpty(directory);
        }
        try {
            Files.delete(located.entry()); // a directory with entries: DirectoryNotEmptyException
        } catch (IOException e) {
            throw IoErrors.translate(e, "delete", directory);
        }
    }

    @Override
    public long deleteFile(StoragePath file) throws CommandException {
        if (file.isRoot()) {
            throw new CommandException(ErrorCode.FORBIDDEN, "cannot delete the root");
        }
        RootConfinement.Located located = confinement.locate(file);
        if (located.isDirectory()) {
            throw isADirectory(file);
        }
        DeferredRelease.Held held = release.hold(located.entry(), located.attributes());
        try {
            Files.delete(located.entry());
        } catch (IOException e) {
            throw IoErrors.translate(e, "delete", file);
        } finally {
            held.release();
        }
        boolean link = !located.entry().equals(located.real());
        return link ? 0 : located.attributes().size();
    }

    @Override
    public void move(StoragePath source, StoragePath targetDirectory) throws CommandException {
        if (source.isRoot()) {
            throw new CommandException(ErrorCode.FORBIDDEN, "cannot move the root");
        }
        move(source, targetDirectory, source.name());
    }

    @Override
    public void move(StoragePath source, StoragePath targetDirectory, String name) throws CommandException {
        if (source.isRoot()) {
            throw new CommandException(ErrorCode.FORBIDDEN, "cannot move the root");
        }
        RootConfinement.Located located = confinement.locate(source);
        Path sourceReal = located.real();
        Path sourceEntry = located.entry();
        Path targetReal = confinement.existingDirectory(targetDirectory);
        boolean sourceIsDirectory = located.isDirectory();
        if (sourceIsDirectory && (source.contains(targetDirectory)
                || targetReal.startsWith(sourceReal))) {
            throw new CommandException(ErrorCode.BAD_REQUEST,
                    "cannot move a directory into itself");
        }
        StoragePath destination;
        try {
            destination = targetDirectory.child(name);
        } catch (IllegalArgumentException e) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "invalid name: " + name);
        }
        Path destinationEntry = confinement.entry(destination);
        if (Files.exists(destinationEntry, LinkOption.NOFOLLOW_LINKS)) {
            throw new CommandException(ErrorCode.EXISTS, destination + " already exists");
        }
        try {
            Files.move(sourceEntry, destinationEntry, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw IoErrors.translate(e, "move", source);
        }
    }

    @Override
    public Upload beginUpload(StoragePath file, long size) throws CommandException {
        return uploads.open(file, size, TemporarySpool.SOURCE);
    }

    @Override
    public Upload beginUpload(StoragePath file, long size, Spool.Source spools) throws CommandException {
        return uploads.open(file, size, spools);
    }

    @Override
    public Path regularFile(StoragePath file) throws CommandException {
        RootConfinement.Located located = confinement.locate(file);
        BasicFileAttributes attributes = located.attributes();
        if (attributes.isDirectory()) {
            throw isADirectory(file);
        }
        if (!attributes.isRegularFile()) {
            throw notFound(file);
        }
        return located.real();
    }

    @Override
    public Download openDownload(StoragePath file) throws CommandException {
        Path real = regularFile(file);
        try {
            FileChannel channel = FileChannel.open(real, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS);
            try {
                // by name, just after the open: Java cannot ask an open channel for its times
                BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                long size = channel.size();
                return new LocalDownload(channel, size, FileVersion.of(size, attributes));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw IoErrors.translate(e, "read", file);
        }
    }

    @Override
    public void sweepTemporaryFiles() {
        TemporaryFiles.sweep(confinement.realRoot());
    }

    /**
     * Deletes the upload temporary files that the named cluster nodes (departed ones) left under
     * the shared root {@code root} and last wrote before {@code modifiedBefore}.
     *
     * @return how many were deleted
     */
    public static int sweepTemporaryFilesOf(Path root, Set<String> nodes, Instant modifiedBefore) {
        return TemporaryFiles.sweepNodes(root, nodes, modifiedBefore);
    }

    @Override
    public Path root() {
        return confinement.realRoot();
    }

    @Override
    public Storage confinedTo(StoragePath directory) throws CommandException {
        if (directory.isRoot()) {
            return this;
        }
        Path entry = confinement.entry(directory);
        try {
            Files.createDirectory(entry);
        } catch (FileAlreadyExistsException e) {
            // an earlier login made it (or the administrator did)
        } catch (IOException e) {
            throw IoErrors.translate(e, "create", directory);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw IoErrors.translate(e, "open", directory);
        }
        if (attributes.isSymbolicLink()) {
            throw new CommandException(ErrorCode.FORBIDDEN, directory + " is a link");
        }
        if (!attributes.isDirectory()) {
            throw RootConfinement.notADirectory(directory);
        }
        return new LocalDiskStorage(entry, this);
    }

    public OptionalLong maxFileSize() {
        return maxFileSize;
    }

    private static boolean hasAnyEntry(Path directory, StoragePath path) throws CommandException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            return entries.iterator().hasNext();
        } catch (IOException e) {
            throw IoErrors.translate(e, "read", path);
        }
    }

    private static CommandException notFound(StoragePath path) {
        return new CommandException(ErrorCode.NOT_FOUND, path + " not found");
    }

    private static CommandException notEmpty(StoragePath path) {
        return new CommandException(ErrorCode.NOT_EMPTY, path + " is not empty");
    }

    private static CommandException isADirectory(StoragePath path) {
        return new CommandException(ErrorCode.IS_A_DIRECTORY, path + " is a directory");
    }
}
