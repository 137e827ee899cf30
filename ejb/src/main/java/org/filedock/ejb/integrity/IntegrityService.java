package org.filedock.ejb.integrity;

import java.io.IOException;
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
import org.filedock.ejb.account.SecurityRealmAccess;
import org.filedock.ejb.home.FileArea;
import org.filedock.ejb.home.Homes;
import org.filedock.ejb.lock.FileLock;
import org.filedock.ejb.lock.LockManager;
import org.filedock.ejb.path.PathResolver;
import org.filedock.ejb.path.StoragePath;
import org.filedock.ejb.service.TransferBuffers;
import org.filedock.protocol.ErrorCode;

/**
 * {@code HASH} (contract §11): the digest of a stored file, read under a download's lock, so a
 * file being uploaded is {@code BUSY} and one being read is not.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed({SecurityRealmAccess.USER_ROLE, SecurityRealmAccess.ADMIN_ROLE})
public class IntegrityService {

    private static final Logger LOG = Logger.getLogger(IntegrityService.class.getName());

    @Inject
    Homes homes;

    @Resource
    SessionContext context;

    @Inject
    LockManager locks;

    @Inject
    TransferBuffers buffers;

    @Inject
    FileDigests digests;

    /** @return 64 lowercase hex digits */
    public String hash(String currentDirectory, String path) throws CommandException {
        StoragePath file = PathResolver.resolve(currentDirectory, path);
        FileArea area = homes.areaOf(() -> context.getCallerPrincipal());
        try (FileLock lock = area.lock(locks::lockForDownload, file);
             TransferBuffers.Lease lease = buffers.lease()) {
            return digests.digest(area.storage().regularFile(file), lease.buffer());
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot read " + file + " for its digest", e);
            throw new CommandException(ErrorCode.INTERNAL, "could not read " + file);
        }
    }
}
