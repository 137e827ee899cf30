package org.filedock.ejb.resume;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

import org.filedock.ejb.path.StoragePath;

/**
 * The small record beside each partial: whose it is, for which path, the size the upload
 * announced, when it began, and the id its parts carry in the history. The bytes held are not recorded here: they are the partial
 * file's length (see {@link PartialStore}).
 */
record PartialRecord(PartialKey key, long size, Instant created, String uploadId) {

    private static final String OWNER = "owner";
    private static final String PATH = "path";
    private static final String SIZE = "size";
    private static final String CREATED = "created";
    private static final String UPLOAD_ID = "upload-id";

    /** Writes the record in one atomic rename, synced, so a reader never sees half of it. */
    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty(OWNER, key.owner());
        p.setProperty(PATH, key.path().toString());
        p.setProperty(SIZE, Long.toString(size));
        p.setProperty(CREATED, created.toString());
        p.setProperty(UPLOAD_ID, uploadId);
        StringWriter text = new StringWriter();
        p.store(text, "FileDock resumable upload");
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** @return empty if the file is missing or not a well-formed record */
    static Optional<PartialRecord> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed \\u escape
        }
        String owner = p.getProperty(OWNER);
        String path = p.getProperty(PATH);
        String size = p.getProperty(SIZE);
        String created = p.getProperty(CREATED);
        String uploadId = p.getProperty(UPLOAD_ID);
        if (owner == null || path == null || size == null || created == null || uploadId == null) {
            return Optional.empty();
        }
        try {
            long parsedSize = Long.parseLong(size);
            if (parsedSize < 0) {
                return Optional.empty();
            }
            return Optional.of(new PartialRecord(new PartialKey(owner, StoragePath.parseAbsolute(path)),
                    parsedSize, Instant.parse(created), uploadId));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
