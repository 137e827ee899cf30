package org.filedock.ejb.quota;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.filedock.ejb.history.store.HistoryUnit;

/**
 * At the start: the quotas administrators set, from the database into the {@link QuotaBook} (in
 * a cluster the first node fills the shared table, see {@link SharedQuotas}).
 */
@Singleton
@Startup
public class QuotaLoader {

    @PersistenceContext(unitName = HistoryUnit.NAME)
    EntityManager em;

    @Inject
    QuotaBook book;

    @PostConstruct
    void load() {
        for (UserQuotaEntity stored : em.createQuery("SELECT q FROM UserQuotaEntity q", UserQuotaEntity.class)
                .getResultList()) {
            book.load(stored.user(), stored.quota());
        }
    }
}
