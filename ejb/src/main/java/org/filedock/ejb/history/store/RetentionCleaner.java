package org.filedock.ejb.history.store;

import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Deletes old transfers with their samples, and old audit entries, one bounded batch per
 * transaction, so that a large backlog never becomes one huge transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RetentionCleaner {

    @PersistenceContext(unitName = HistoryUnit.NAME)
    EntityManager em;

    /** Deletes up to {@code batch} of the transfers started before {@code cutoff}; returns how many. */
    public int deleteStartedBefore(Instant cutoff, int batch) {
        List<String> ids = em.createQuery("select t.id from TransferEntity t where t.startedAt < :cutoff"
                        + " order by t.startedAt", String.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(batch)
                .getResultList();
        return delete(ids);
    }

    /** Deletes up to {@code batch} of the transfers beyond the newest {@code keep}; returns how many. */
    public int deleteBeyondNewest(int keep, int batch) {
        List<String> ids = em.createQuery(
                        "select t.id from TransferEntity t order by t.startedAt desc, t.id desc", String.class)
                .setFirstResult(keep)
                .setMaxResults(batch)
                .getResultList();
        return delete(ids);
    }

    /** Deletes up to {@code batch} of the audit entries recorded before {@code cutoff}; returns how many. */
    public int deleteAuditBefore(Instant cutoff, int batch) {
        List<Long> ids = em.createQuery("select a.id from AuditEntity a where a.time < :cutoff"
                        + " order by a.time", Long.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(batch)
                .getResultList();
        return deleteAudit(ids);
    }

    /** Deletes up to {@code batch} of the audit entries beyond the newest {@code keep}; returns how many. */
    public int deleteAuditBeyondNewest(int keep, int batch) {
        List<Long> ids = em.createQuery("select a.id from AuditEntity a order by a.time desc, a.id desc", Long.class)
                .setFirstResult(keep)
                .setMaxResults(batch)
                .getResultList();
        return deleteAudit(ids);
    }

    private int deleteAudit(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from AuditEntity a where a.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    private int delete(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        em.createQuery("delete from SampleEntity s where s.transferId in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        return em.createQuery("delete from TransferEntity t where t.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
