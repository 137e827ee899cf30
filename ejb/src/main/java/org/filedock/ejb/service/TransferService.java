package org.filedock.ejb.service;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.api.PayloadTimeoutException;
import org.filedock.api.SessionState;
import org.filedock.api.files.FileReading;
import org.filedock.api.history.TransferDirection;
import org.filedock.ejb.lock.FileLock;
import org.filedock.ejb.history.recording.ActiveTransfer;
import org.filedock.ejb.history.recording.TransferRecorder;
import org.filedock.ejb.integrity.FileDigests;
import org.filedock.ejb.integrity.HashingThreads;
import org.filedock.ejb.integrity.UploadCheck;
import org.filedock.ejb.lock.LockManager;
import org.filedock.ejb.account.SecurityRealmAccess;
import org.filedock.ejb.home.FileArea;
import org.filedock.ejb.home.Homes;
import org.filedock.ejb.path.PathResolver;
import org.filedock.ejb.path.StoragePath;
import org.filedock.ejb.quota.Quotas;
import org.filedock.ejb.resume.DownloadFrom;
import org.filedock.ejb.resume.PartialKey;
import org.filedock.ejb.resume.PartialStore;
import org.filedock.ejb.service.PayloadCopier.ClientFailure;
import org.filedock.ejb.service.PayloadCopier.StorageFailure;
import org.filedock.ejb.storage.Download;
import org.filedock.ejb.storage.Upload;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;

/**
 * Uploads and downloads (contract §6). No container transaction: a transfer may take longer than
 * any transaction timeout, and the file system is not transactional anyway; atomicity comes from
 * the temporary file and its atomic rename. Each transfer the server accepts is recorded for the
 * rate history from its first reply to its end; a transfer refused before that is not one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed({SecurityRealmAccess.USER_ROLE, SecurityRealmAccess.ADMIN_ROLE})
public class TransferService {

    private static final Logger LOG = Logger.getLogger(TransferService.class.getName());

    @Inject
    Homes homes;

    @Resource
    SessionContext context;

    @Inject
    LockManager locks;

    @Inject
    TransferRecorder recorder;

    @Inject
    TransferBuffers buffers;

    @Inject
    PartialStore partials;

    @Inject
    FileDigests digests;

    @Inject
    Quotas quotas;

    @Inject
    HashingThreads hashing;

    /**
     * @param resume keep the bytes if the upload breaks off, continue from those of an earlier
     *        part (contract §10)
     * @param sha256 the digest the bytes must have (contract §11), lower case
     */
    public Reply upload(String currentDirectory, String path, long size, boolean resume, Optional<String> sha256,
                        Exchange exchange) throws CommandException {
        StoragePath file = PathResolver.resolveForCreate(currentDirectory, path);
        return receive(file, size, resume ? Resumption.ANYWHERE : Resumption.NONE, 0, sha256, exchange);
    }

    /**
     * One part of a resumable upload that must begin at {@code from} (the HTTP door's
     * {@code Content-Range}): the same as {@code UPLOAD <path> <size> resume}, except that a
     * partial holding another number of bytes refuses the part before anything changes.
     *
     * @throws org.filedock.api.files.OffsetMismatch if the server holds other than {@code from} bytes
     */
    public Reply uploadPart(String currentDirectory, String path, long size, long from, Optional<String> sha256,
                            Exchange exchange) throws CommandException {
        StoragePath file = PathResolver.resolveForCreate(currentDirectory, path);
        return receive(file, size, Resumption.FROM, from, sha256, exchange);
    }

    /**
     * The bytes the server holds of the caller's resumable upload of this path and size (contract
     * §10's offset, without beginning a part): 0 if none.
     *
     * @throws CommandException BUSY while a part of it is arriving
     */
    public long heldOf(String currentDirectory, String path, long size, SessionState session) throws CommandException {
        StoragePath file = PathResolver.resolveForCreate(currentDirectory, path);
        try {
            return partials.held(owner(session, file), size);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot read the partial data of " + file, e);
            throw new CommandException(ErrorCode.INTERNAL, "could not read the partial data of " + file);
        }
    }

    /**
     * Deletes the caller's resumable upload of this path and size (a client that starts over).
     *
     * @throws CommandException NOT_FOUND if there is none, BUSY while a part of it is arriving
     */
    public void dropPartial(String currentDirectory, String path, long size, SessionState session)
            throws CommandException {
        StoragePath file = PathResolver.resolveForCreate(currentDirectory, path);
        try {
            if (!partials.drop(owner(session, file), size)) {
                throw new CommandException(ErrorCode.NOT_FOUND, "no unfinished upload of " + file + " of " + size + " bytes");
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot delete the partial data of " + file, e);
            throw new CommandException(ErrorCode.INTERNAL, "could not delete the partial data of " + file);
        }
    }

    private enum Resumption { NONE, ANYWHERE, FROM }

    private Reply receive(StoragePath file, long size, Resumption resumption, long from, Optional<String> sha256,
                          Exchange exchange) throws CommandException {
        boolean resume = resumption != Resumption.NONE;
        FileArea area = area();
        try (FileLock lock = area.lock(locks::lockForUpload, file);
             Upload upload = quotas.admit(area, size, switch (resumption) {
                 case NONE -> area.storage().beginUpload(file, size);
                 case ANYWHERE -> area.storage().beginUpload(file, size, partials.spools(owner(exchange.session(), file), size));
                 case FROM -> area.storage().beginUpload(file, size,
                         partials.spoolsFrom(owner(exchange.session(), file), size, from));
             });
             ActiveTransfer recording = recorder.start(TransferDirection.UPLOAD, file.toString(),
                     exchange.session(), size - upload.offset());
             TransferBuffers.Lease lease = buffers.lease();
             UploadCheck check = startCheck(sha256, upload, lease, file, size - upload.offset())) {
            recording.partOf(upload.uploadId());
            long toCome = size - upload.offset();
            PayloadCopier copier = new PayloadCopier(recording.bytes(), lease.buffer());
            ReadableByteChannel payload = exchange.receivePayload(toCome);
            try {
                exchange.send(Reply.ok(resume ? "Ready " + upload.offset() : "Ready"));
                copier.receive(payload, check.into(upload.channel()), toCome);
            } catch (IOException e) {
                recording.aborted();
                return clientLost(exchange, file, e);
            } catch (ClientFailure e) {
                recording.aborted();
                return clientLost(exchange, file, e.io());
            } catch (StorageFailure e) {
                return storageFailed(exchange, file, copier, payload, e.io());
            }
            if (!check.passes()) {
                upload.discard(); // contract §11: nothing replaced, nothing kept
                return Reply.error(ErrorCode.CORRUPT, "checksum mismatch");
            }
            // the attribute goes along with the rename: a HASH of the new file need not read it
            check.verified().ifPresent(hex -> digests.remember(upload.spoolFile(), hex));
            upload.commit();
            recording.completed();
            return Reply.ok("File uploaded");
        }
    }

    /** @param offset where to begin in the file (contract §10); beyond its end: BAD_REQUEST */
    public Reply download(String currentDirectory, String path, long offset, Exchange exchange) throws CommandException {
        StoragePath file = PathResolver.resolve(currentDirectory, path);
        boolean broken = false;
        FileArea area = area();
        try (FileLock lock = area.lock(locks::lockForDownload, file);
             Download download = DownloadFrom.of(area.storage().openDownload(file), offset);
             ActiveTransfer recording = recorder.start(TransferDirection.DOWNLOAD, file.toString(),
                     exchange.session(), download.size());
             TransferBuffers.Lease lease = buffers.lease()) {
            try {
                exchange.send(Reply.ok(Long.toString(download.size())));
                new PayloadCopier(recording.bytes(), lease.buffer())
                        .send(download.channel(), download.start(), exchange.payloadSink(), download.size());
                recording.completed();
                exchange.session().awaitDownloadAck(true);
            } catch (IOException | ClientFailure e) {
                recording.aborted();
                LOG.info("download of " + file + " for " + exchange.session() + " ended early: " + reason(e));
                broken = true;
            } catch (StorageFailure e) {
                LOG.log(Level.SEVERE, "download of " + file + " failed reading the storage", e.io());
                broken = true;
            }
        }
        if (broken) {
            // a line now would land inside the payload the client is counting, so just close; and only
            // now, with the lock released, so that a client who sees the close finds the file free
            exchange.abort();
        }
        return null;
    }

    /**
     * The same lock and open as {@link #download}, for a reader that sends the bytes itself (the
     * HTTP door, contract §14): the transfer is recorded once the reader begins it.
     */
    public FileReading openForReading(String currentDirectory, String path, SessionState session)
            throws CommandException {
        return openIn(area(), PathResolver.resolve(currentDirectory, path), session);
    }

    /**
     * {@link #openForReading} of a file in another user's area, for the holder of a share link
     * (contract §14) whose access the link decided: the same locks and history.
     *
     * @param owner the link's owner; null for the shared root of {@code filedock.auth=none}
     * @param path an absolute path in the owner's area
     */
    public FileReading openShared(String owner, String path, SessionState session) throws CommandException {
        FileArea area = owner == null ? area() : homes.areaOfUser(owner);
        return openIn(area, PathResolver.resolve("/", path), session);
    }

    private FileReading openIn(FileArea area, StoragePath file, SessionState session) throws CommandException {
        FileLock lock = area.lock(locks::lockForDownload, file);
        try {
            return new OpenedFile(lock, area.storage().openDownload(file),
                    length -> recorder.start(TransferDirection.DOWNLOAD, file.toString(), session, length),
                    buffers::lease);
        } catch (CommandException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A resumable upload belongs to its user (contract §10); with {@code auth=none}, to nobody in particular. */
    private static PartialKey owner(SessionState session, StoragePath file) {
        return new PartialKey(session.user().orElse(""), file);
    }

    private UploadCheck startCheck(Optional<String> sha256, Upload upload, TransferBuffers.Lease lease,
                                   StoragePath file, long toCome) throws CommandException {
        try {
            return UploadCheck.start(sha256, upload, lease.buffer(), toCome, hashing);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot read back the partial data of " + file, e);
            throw new CommandException(ErrorCode.INTERNAL, "could not read the partial data of " + file);
        }
    }

    private static Reply clientLost(Exchange exchange, StoragePath file, IOException cause) {
        if (cause instanceof PayloadTimeoutException) {
            LOG.info("transfer of " + file + " for " + exchange.session() + " stalled: " + cause.getMessage());
            try {
                exchange.send(Reply.error(ErrorCode.TIMEOUT, cause.getMessage()));
            } catch (IOException e) {
                LOG.log(Level.FINE, "could not report the timeout", e);
            }
            return Reply.disconnected("payload timeout");
        }
        LOG.info("transfer of " + file + " for " + exchange.session() + " ended early: " + reason(cause));
        // sent (if anyone still listens) and the connection closed after the lock is released
        return Reply.disconnected("connection lost");
    }

    private static Reply storageFailed(Exchange exchange, StoragePath file, PayloadCopier copier,
                                       ReadableByteChannel payload, IOException cause) {
        LOG.log(Level.SEVERE, "upload of " + file + " failed writing the storage", cause);
        try {
            copier.discard(payload);
        } catch (ClientFailure e) {
            return clientLost(exchange, file, e.io());
        }
        boolean full = cause.getMessage() != null && cause.getMessage().contains("No space left");
        return full ? Reply.error(ErrorCode.NO_SPACE, "no space left for " + file)
                : Reply.error(ErrorCode.INTERNAL, "could not write " + file);
    }

    /** An exception's message, or its kind when it has none (a connection closed under us). */
    private static String reason(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Where the caller works: the shared root, or the logged-in user's home. */
    private FileArea area() throws CommandException {
        return homes.areaOf(() -> context.getCallerPrincipal());
    }
}
