package org.filedock.ejb.http;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.api.SessionState;
import org.filedock.api.audit.AuditAction;
import org.filedock.api.files.FileAccess;
import org.filedock.api.files.FileReading;
import org.filedock.ejb.audit.AuditEntries;
import org.filedock.ejb.audit.AuditRecorder;
import org.filedock.ejb.home.CallerWork;
import org.filedock.ejb.path.PathResolver;
import org.filedock.ejb.service.FileOperations;
import org.filedock.ejb.service.TransferService;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;

/**
 * The HTTP door to the files (contract §14): a thin layer over the very beans the socket commands
 * call ({@link FileOperations}, {@link TransferService}), so that locks, homes, checks and history
 * are one. It settles who the caller is ({@link CallerWork}) and records what changes or reads
 * files in the audit trail, as {@code CommandExecutor} does for a session's commands.
 */
@Stateless
@Local(FileAccess.class)
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FileAccessBean implements FileAccess {

    /** HTTP paths are absolute: the current directory is always the area's root. */
    private static final String ROOT = "/";

    @Inject
    FileOperations files;

    @Inject
    TransferService transfers;

    @Inject
    CallerWork caller;

    @Inject
    AuditRecorder audit;

    @Resource
    SessionContext context;

    @Override
    public DirEntry stat(String path) throws CommandException {
        return caller.run(context, () -> files.stat(ROOT, path));
    }

    @Override
    public List<DirEntry> list(String path) throws CommandException {
        return caller.run(context, () -> files.list(ROOT, path));
    }

    @Override
    public FileReading openForReading(String path, SessionState session) throws CommandException {
        return audited(AuditAction.DOWNLOAD, session, path, null,
                () -> caller.run(context, () -> transfers.openForReading(ROOT, path, session)));
    }

    @Override
    public UploadResult upload(String path, long size, Optional<String> sha256, Exchange exchange)
            throws CommandException {
        return auditedUpload(path, exchange, () -> transfers.upload(ROOT, path, size, false, sha256, exchange));
    }

    @Override
    public UploadResult uploadPart(String path, long size, long from, Optional<String> sha256, Exchange exchange)
            throws CommandException {
        return auditedUpload(path, exchange, () -> transfers.uploadPart(ROOT, path, size, from, sha256, exchange));
    }

    /** An upload as the caller, in the audit trail with its outcome (a refusal, or the final reply). */
    private UploadResult auditedUpload(String path, Exchange exchange, CallerWork.Work<Reply> transfer)
            throws CommandException {
        UploadResult result = audited(AuditAction.UPLOAD, exchange.session(), path, null, () -> caller.run(context, () -> {
            boolean created = !exists(path);
            return new UploadResult(transfer.run(), created);
        }), true);
        audit.record(AuditAction.UPLOAD, exchange.session(), path, null, result.reply());
        return result;
    }

    @Override
    public long heldOf(String path, long size, SessionState session) throws CommandException {
        return caller.run(context, () -> transfers.heldOf(ROOT, path, size, session));
    }

    @Override
    public void dropPartial(String path, long size, SessionState session) throws CommandException {
        caller.run(context, () -> {
            transfers.dropPartial(ROOT, path, size, session);
            return null;
        });
    }

    @Override
    public void delete(String path, SessionState session) throws CommandException {
        audited(AuditAction.DELETE, session, path, null, () -> caller.run(context, () -> {
            if (files.stat(ROOT, path).isDirectory()) {
                files.removeDirectory(ROOT, path);
            } else {
                files.deleteFile(ROOT, path);
            }
            return null;
        }));
    }

    @Override
    public void makeDirectory(String path, SessionState session) throws CommandException {
        audited(AuditAction.MKDIR, session, path, null, () -> caller.run(context, () -> {
            files.makeDirectory(ROOT, path);
            return null;
        }));
    }

    @Override
    public String move(String path, String directory, String name, SessionState session) throws CommandException {
        // the audit's target is the directory, as for the socket's MOVE; with a new name, the new path
        String target = name == null ? directory : directory + "/" + name;
        return audited(AuditAction.MOVE, session, path, target, () -> caller.run(context, () -> {
            files.move(ROOT, path, directory, name);
            String kept = name == null ? PathResolver.resolve(ROOT, path).name() : name;
            return PathResolver.resolve(ROOT, directory).child(kept).toString();
        }));
    }

    private <T> T audited(AuditAction action, SessionState session, String path, String target,
                          CallerWork.Work<T> work) throws CommandException {
        return audited(action, session, path, target, work, false);
    }

    /** @param onlyRefusals record a refusal only: the caller records the outcome itself */
    private <T> T audited(AuditAction action, SessionState session, String path, String target,
                          CallerWork.Work<T> work, boolean onlyRefusals) throws CommandException {
        String absoluteTarget = target == null ? null : AuditEntries.resolve(ROOT, target);
        try {
            T result = work.run();
            if (!onlyRefusals) {
                audit.record(action, session, path, absoluteTarget, (CommandException) null);
            }
            return result;
        } catch (CommandException e) {
            audit.record(action, session, path, absoluteTarget, e);
            throw e;
        }
    }

    private boolean exists(String path) throws CommandException {
        try {
            files.stat(ROOT, path);
            return true;
        } catch (CommandException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
