package org.filedock.ejb.quota;

import java.util.OptionalLong;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.filedock.api.AuthMode;
import org.filedock.api.CommandException;
import org.filedock.api.FileDockConfig;
import org.filedock.api.quota.QuotaAdministration;
import org.filedock.api.quota.Usage;
import org.filedock.ejb.account.UserNames;
import org.filedock.ejb.history.store.HistoryUnit;
import org.filedock.protocol.ErrorCode;

/** Usage and quotas for the web tier; the quotas are stored in the history database. */
@Stateless
@Local(QuotaAdministration.class)
@PermitAll
public class QuotaBean implements QuotaAdministration {

    @PersistenceContext(unitName = HistoryUnit.NAME)
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    FileDockConfig config;

    @Inject
    Quotas quotas;

    @Inject
    QuotaBook book;

    @Override
    public Usage usageOf(String user) throws CommandException {
        if (config.auth() == AuthMode.NONE) {
            return quotas.usageOf("");
        }
        if (user == null || !UserNames.isSafe(user)) {
            throw new CommandException(ErrorCode.FORBIDDEN, "this user name cannot have a home");
        }
        return quotas.usageOf(user);
    }

    @Override
    public void setQuota(String user, OptionalLong quota) throws CommandException {
        if (user == null || !UserNames.isSafe(user)) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "not a user name");
        }
        if (quota.isPresent() && quota.getAsLong() < 0) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "a quota is a number of bytes, 0 or more");
        }
        UserQuotaEntity stored = em.find(UserQuotaEntity.class, user);
        if (quota.isEmpty()) {
            if (stored != null) {
                em.remove(stored);
            }
        } else if (stored == null) {
            em.persist(new UserQuotaEntity(user, quota.getAsLong()));
        } else {
            stored.quota(quota.getAsLong());
        }
        // held to it once it is stored, and only then
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to add to the transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    book.set(user, quota);
                }
            }
        });
    }
}
