package org.filedock.api.files;

import java.util.List;
import java.util.Optional;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.api.SessionState;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.Reply;

/**
 * The caller's files for the HTTP door (contract §14): the same beans, homes, paths, locks,
 * atomic uploads and history as the socket commands, as the caller of the web request (with
 * {@code filedock.auth=none}, the shared identity the socket commands run as). Paths are absolute
 * within the caller's area ({@code /docs/a.txt}), already percent-decoded; a refusal is a
 * {@link CommandException} with the protocol's code. Downloads, uploads, deletions, new directories
 * and moves are in the audit trail as the socket's commands of the same names.
 */
public interface FileAccess {

    /** The entry of a file or directory, as {@code STAT}. */
    DirEntry stat(String path) throws CommandException;

    /** A directory's entries in {@code DIR} order. */
    List<DirEntry> list(String path) throws CommandException;

    /**
     * Locks a file for a download (a file being uploaded is {@code BUSY}) and opens it; the caller
     * must close what it gets. The history records a transfer only once it {@link FileReading#begin begins}.
     *
     * @param session who reads (address, user, channel) for the rate history
     */
    FileReading openForReading(String path, SessionState session) throws CommandException;

    /**
     * An upload of exactly {@code size} bytes that the exchange's {@link Exchange#receivePayload}
     * delivers, through the socket {@code UPLOAD}'s own code: the same checks before the first byte,
     * lock, temporary file, digest check and atomic replace.
     *
     * @param sha256 the digest the bytes must have, 64 lower-case hex digits
     */
    UploadResult upload(String path, long size, Optional<String> sha256, Exchange exchange) throws CommandException;

    /**
     * One part of a resumable upload of {@code size} bytes (contract §10 over HTTP, a FileDock
     * extension): the bytes from {@code from} to the end, appended to the caller's partial of this
     * path and size, which must hold exactly {@code from} bytes; the part that completes the file
     * commits it as {@link #upload} does, and a part cut off keeps what arrived.
     *
     * @throws OffsetMismatch if the partial holds another number of bytes; nothing changed
     */
    UploadResult uploadPart(String path, long size, long from, Optional<String> sha256, Exchange exchange)
            throws CommandException;

    /**
     * How many bytes of the caller's resumable upload of this path and size the server holds: where
     * the next part must begin (0 if none).
     *
     * @throws CommandException BUSY while a part of it is arriving
     */
    long heldOf(String path, long size, SessionState session) throws CommandException;

    /**
     * Deletes the bytes held of the caller's resumable upload of this path and size, so that the
     * next part may begin at 0 (a client that cannot tell whether they are of its file).
     *
     * @throws CommandException NOT_FOUND if none are held, BUSY while a part is arriving
     */
    void dropPartial(String path, long size, SessionState session) throws CommandException;

    /**
     * Deletes a file, or an empty directory.
     *
     * @param session the request, for the audit trail (as are the others' sessions)
     */
    void delete(String path, SessionState session) throws CommandException;

    void makeDirectory(String path, SessionState session) throws CommandException;

    /**
     * {@code MOVE}: into an existing directory, keeping the name.
     *
     * @return the moved thing's new absolute path
     */
    default String move(String path, String directory, SessionState session) throws CommandException {
        return move(path, directory, null, session);
    }

    /**
     * {@code MOVE} under a new name (a rename when the directory is the same): the name must be a
     * valid single name ({@code BAD_REQUEST} otherwise), and not taken ({@code EXISTS});
     * {@code null} keeps the name.
     *
     * @return the moved thing's new absolute path
     */
    String move(String path, String directory, String name, SessionState session) throws CommandException;

    /**
     * How an upload ended.
     *
     * @param reply the socket command's final reply ({@code OK@File uploaded}, or an error such as
     *        {@code CORRUPT}, or {@code DISCONNECTED@} when the client went away)
     * @param created whether no file of that name existed before
     */
    record UploadResult(Reply reply, boolean created) {
    }
}
