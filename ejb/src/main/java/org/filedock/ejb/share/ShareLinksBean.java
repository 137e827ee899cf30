package org.filedock.ejb.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.filedock.api.AuthMode;
import org.filedock.api.CommandException;
import org.filedock.api.FileDockConfig;
import org.filedock.api.SessionState;
import org.filedock.api.audit.AuditAction;
import org.filedock.api.files.FileReading;
import org.filedock.api.security.LoginThrottle;
import org.filedock.api.share.CreatedShare;
import org.filedock.api.share.ShareLink;
import org.filedock.api.share.ShareLinks;
import org.filedock.api.share.ShareRefused;
import org.filedock.api.share.SharedFile;
import org.filedock.ejb.account.SecurityRealmAccess;
import org.filedock.ejb.audit.AuditRecorder;
import org.filedock.ejb.command.LoginCommand;
import org.filedock.ejb.history.store.HistoryUnit;
import org.filedock.ejb.home.CallerWork;
import org.filedock.ejb.path.PathResolver;
import org.filedock.ejb.path.StoragePath;
import org.filedock.ejb.service.FileOperations;
import org.filedock.ejb.service.TransferService;
import org.filedock.ejb.share.store.ShareEntity;
import org.filedock.protocol.ErrorCode;

/**
 * Share links (contract §14), kept in the history's database by the hash of their token. A link
 * names its owner's path: it serves whatever file is at that path when it is used (a replaced file
 * is served in its new version; a moved, deleted or replaced-by-a-directory one is "not found"),
 * and never anything else. A link made without accounts is served only without accounts and one
 * made with them only with them, so that switching {@code filedock.auth} cannot point a link at
 * another area.
 */
@Stateless
@Local(ShareLinks.class)
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ShareLinksBean implements ShareLinks {

    private static final Logger LOG = Logger.getLogger(ShareLinksBean.class.getName());
    /** The guessing limit's "user" key of a link: no user name contains a colon. */
    private static final String THROTTLE_KEY = "share:";
    /** How the audit trail names a link in its target: by its id, never by its token. */
    private static final String AUDIT_PREFIX = "share:";
    /** The longest a link may last. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(3650);

    @PersistenceContext(unitName = HistoryUnit.NAME)
    EntityManager em;

    @Inject
    FileDockConfig config;

    @Inject
    CallerWork caller;

    @Inject
    FileOperations files;

    @Inject
    TransferService transfers;

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditRecorder audit;

    @Resource
    SessionContext context;

    private final Clock clock = Clock.systemUTC();

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public CreatedShare create(String path, Instant expiresAt, char[] password, String baseUrl, SessionState session)
            throws CommandException {
        try {
            CreatedShare created = make(path, expiresAt, password, baseUrl);
            audit.record(AuditAction.SHARED, session, created.path(),
                    AUDIT_PREFIX + created.id() + " until " + created.expiresAt(), (CommandException) null);
            return created;
        } catch (CommandException e) {
            audit.record(AuditAction.SHARED, session, path, null, e);
            throw e;
        }
    }

    private CreatedShare make(String path, Instant expiresAt, char[] password, String baseUrl) throws CommandException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiry = expiresAt.truncatedTo(ChronoUnit.MICROS);
        if (!expiry.isAfter(now)) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "the expiry " + expiresAt + " is not in the future");
        }
        if (expiry.isAfter(now.plus(MAX_LIFETIME))) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "a link lasts at most " + MAX_LIFETIME.toDays() + " days");
        }
        if (password != null && (password.length == 0 || password.length > SharePassword.MAX_LENGTH)) {
            throw new CommandException(ErrorCode.BAD_REQUEST,
                    "a link's password has 1 to " + SharePassword.MAX_LENGTH + " characters");
        }
        String owner = owner();
        StoragePath file = PathResolver.resolve("/", path);
        if (caller.run(context, () -> files.stat("/", file.toString())).isDirectory()) {
            throw new CommandException(ErrorCode.IS_A_DIRECTORY, file + " is a directory: a link shares one file");
        }
        String token = ShareToken.generate();
        String id = ShareToken.idOf(token);
        em.persist(new ShareEntity(id, owner, file.toString(), now, expiry,
                password == null ? null : SharePassword.hash(password)));
        LOG.info("share link " + id + " to " + file + (owner == null ? "" : " of " + owner) + " made, expires " + expiry);
        return new CreatedShare(id, token, baseUrl + "/s/" + token, file.toString(), expiry);
    }

    @Override
    public List<ShareLink> mine() throws CommandException {
        String owner = owner();
        var query = owner == null ? em.createNamedQuery(ShareEntity.WITHOUT_OWNER, ShareEntity.class)
                : em.createNamedQuery(ShareEntity.OF_OWNER, ShareEntity.class).setParameter("owner", owner);
        return query.getResultList().stream().map(ShareEntity::toLink).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void revoke(String tokenOrId, SessionState session) throws CommandException {
        String owner = owner();
        ShareEntity link = null;
        if (ShareToken.looksLikeToken(tokenOrId)) { // ids have a token's shape too
            link = em.find(ShareEntity.class, ShareToken.idOf(tokenOrId));
            if (link == null) {
                link = em.find(ShareEntity.class, tokenOrId);
            }
        }
        boolean administrator = owner != null && context.isCallerInRole(SecurityRealmAccess.ADMIN_ROLE);
        if (link == null || !(Objects.equals(link.owner(), owner) || (administrator && link.owner() != null))) {
            throw new CommandException(ErrorCode.NOT_FOUND, "no such share link of yours");
        }
        em.remove(link);
        audit.record(AuditAction.UNSHARED, session, link.path(), AUDIT_PREFIX + link.id(), (CommandException) null);
        LOG.info("share link " + link.id() + " to " + link.path() + " revoked" + (owner == null ? "" : " by " + owner));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SharedFile open(String token, char[] password, SessionState session) throws ShareRefused, CommandException {
        ShareEntity link = find(token);
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw new ShareRefused(ShareRefused.Reason.EXPIRED, "this link expired at " + link.expiresAt());
        }
        if (link.passwordHash() != null) {
            checkPassword(link, password, LoginCommand.hostOf(session.clientAddress()));
        }
        SessionState holder = new OwnerSession(session, link.owner());
        String marker = THROTTLE_KEY + link.id();
        try {
            FileReading reading = caller.asShared(() -> transfers.openShared(link.owner(), link.path(), holder));
            audit.record(AuditAction.DOWNLOAD, holder, link.path(), marker, (CommandException) null);
            return new SharedFile(reading, PathResolver.resolve("/", link.path()).name());
        } catch (CommandException e) {
            audit.record(AuditAction.DOWNLOAD, holder, link.path(), marker, e);
            if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.IS_A_DIRECTORY
                    || e.code() == ErrorCode.NOT_A_DIRECTORY) {
                throw new CommandException(ErrorCode.NOT_FOUND, "the shared file is no longer there");
            }
            throw e;
        }
    }

    /** The link of a token, in constant time once found; unknown, revoked, or made in the other mode: refused alike. */
    private ShareEntity find(String token) throws ShareRefused {
        ShareEntity link = ShareToken.looksLikeToken(token) ? em.find(ShareEntity.class, ShareToken.idOf(token)) : null;
        boolean accounts = config.auth() == AuthMode.REQUIRED;
        if (link == null || !ShareToken.matches(token, link.id()) || (link.owner() != null) != accounts) {
            throw new ShareRefused(ShareRefused.Reason.UNKNOWN, "no such share link");
        }
        return link;
    }

    private void checkPassword(ShareEntity link, char[] password, String host) throws ShareRefused {
        String key = THROTTLE_KEY + link.id();
        if (password == null) {
            throw new ShareRefused(ShareRefused.Reason.PASSWORD, "this link needs its password");
        }
        if (!throttle.mayAttempt(host, key)) {
            LOG.warning("share link " + link.id() + ": password refused without a check for " + host
                    + " (too many recent failures from this address or for this link)");
            throw new ShareRefused(ShareRefused.Reason.PASSWORD, "wrong password");
        }
        if (!SharePassword.verify(password, link.passwordHash())) {
            LOG.warning("share link " + link.id() + ": wrong password from " + host);
            throttle.failed(host, key);
            throw new ShareRefused(ShareRefused.Reason.PASSWORD, "wrong password");
        }
        throttle.succeeded(host, key);
    }

    /** Whose links the caller makes and sees: null for the shared root without accounts. */
    private String owner() throws CommandException {
        if (config.auth() == AuthMode.NONE) {
            return null;
        }
        if (!context.isCallerInRole(SecurityRealmAccess.USER_ROLE) && !context.isCallerInRole(SecurityRealmAccess.ADMIN_ROLE)) {
            throw new CommandException(ErrorCode.FORBIDDEN, "share links are for the roles "
                    + SecurityRealmAccess.USER_ROLE + " and " + SecurityRealmAccess.ADMIN_ROLE);
        }
        return context.getCallerPrincipal().getName();
    }
}
