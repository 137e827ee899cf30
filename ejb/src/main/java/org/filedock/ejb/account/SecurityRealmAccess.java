package org.filedock.ejb.account;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.auth.server.ServerAuthenticationContext;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * The application server's security domain (Elytron): the EJBs' default domain {@code other},
 * i.e. {@code ApplicationDomain} with its {@code ApplicationRealm}, where the administrator adds
 * users with {@code add-user.sh -a ... -g filedock-user}. Found through the deployment's class
 * loader ({@link SecurityDomain#getCurrent()}), so only from within a bean of this module.
 */
@ApplicationScoped
public class SecurityRealmAccess {

    /** The roles that may use FileDock's files (the groups of {@code add-user.sh -g}). */
    public static final String USER_ROLE = "filedock-user";
    public static final String ADMIN_ROLE = "filedock-admin";
    private static final Set<String> FILEDOCK_ROLES = Set.of(USER_ROLE, ADMIN_ROLE);
    /** The role category the EJB container checks {@code @RolesAllowed} against. */
    private static final String EJB_ROLES = "ejb";
    private static final Logger LOG = Logger.getLogger(SecurityRealmAccess.class.getName());

    private volatile SecurityIdentity shared;

    /**
     * Checks a password with the realm. The caller wipes {@code password} afterwards. Unlike
     * {@code SecurityDomain.authenticate}, this keeps no copy of the password in the identity
     * (which lives as long as the session), and nothing here logs it.
     *
     * @return the user's identity; empty for an unknown user, a wrong password, or a user with
     *         neither FileDock role
     * @throws CommandException INTERNAL when the realm cannot be asked (logged)
     */
    public Optional<SecurityIdentity> authenticate(String user, char[] password) throws CommandException {
        SecurityDomain domain = domain();
        PasswordGuessEvidence evidence = new PasswordGuessEvidence(password);
        SecurityIdentity identity;
        try (ServerAuthenticationContext login = domain.createNewAuthenticationContext()) {
            login.setAuthenticationName(user);
            if (!login.verifyEvidence(evidence) || !login.authorize()) {
                login.fail();
                return Optional.empty();
            }
            login.succeed();
            identity = login.getAuthorizedIdentity();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a name the realm cannot even map
        } catch (RealmUnavailableException e) {
            LOG.log(Level.SEVERE, "the security realm is unavailable; LOGIN refused", e);
            throw new CommandException(ErrorCode.INTERNAL, "login unavailable");
        } finally {
            evidence.destroy();
        }
        if (!hasFileDockRole(identity)) {
            LOG.warning("LOGIN as " + UserNames.forLog(user) + " refused: the user has neither group "
                    + USER_ROLE + " nor " + ADMIN_ROLE);
            return Optional.empty();
        }
        return Optional.of(identity);
    }

    /**
     * The identity every command runs as with {@code filedock.auth=none}: anonymous, with the
     * user role, so that the file beans' role checks pass as in 1.0; {@code null} outside a
     * security domain (unit tests, where no container checks roles either).
     */
    public SecurityIdentity sharedIdentity() {
        SecurityIdentity identity = shared;
        if (identity == null) {
            SecurityDomain domain = SecurityDomain.getCurrent();
            if (domain == null) {
                return null;
            }
            identity = domain.getAnonymousSecurityIdentity()
                    .withRoleMapper(EJB_ROLES, RoleMapper.constant(Roles.of(USER_ROLE)));
            shared = identity;
        }
        return identity;
    }

    private static boolean hasFileDockRole(SecurityIdentity identity) {
        Roles roles = identity.getRoles(EJB_ROLES, true);
        return FILEDOCK_ROLES.stream().anyMatch(roles::contains);
    }

    private static SecurityDomain domain() throws CommandException {
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null) {
            LOG.severe("no security domain is associated with the FileDock deployment; LOGIN refused");
            throw new CommandException(ErrorCode.INTERNAL, "login unavailable");
        }
        return domain;
    }
}
