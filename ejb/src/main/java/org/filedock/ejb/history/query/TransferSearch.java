package org.filedock.ejb.history.query;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.filedock.api.history.TransferQuery;
import org.filedock.ejb.history.store.TransferEntity;

/** The filters of a {@link TransferQuery} as criteria queries: one page, newest first, and the count. */
final class TransferSearch {

    private static final char LIKE_ESCAPE = '\\';

    private final EntityManager em;
    private final TransferQuery query;

    TransferSearch(EntityManager em, TransferQuery query) {
        this.em = em;
        this.query = query;
    }

    List<TransferEntity> page() {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<TransferEntity> select = cb.createQuery(TransferEntity.class);
        Root<TransferEntity> t = select.from(TransferEntity.class);
        select.where(filters(cb, t)).orderBy(cb.desc(t.get("startedAt")), cb.desc(t.get("id")));
        return em.createQuery(select)
                .setFirstResult(query.offset())
                .setMaxResults(query.limit())
                .getResultList();
    }

    long total() {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<TransferEntity> t = count.from(TransferEntity.class);
        count.select(cb.count(t)).where(filters(cb, t));
        return em.createQuery(count).getSingleResult();
    }

    private Predicate[] filters(CriteriaBuilder cb, Root<TransferEntity> t) {
        List<Predicate> filters = new ArrayList<>();
        if (query.direction() != null) {
            filters.add(cb.equal(t.get("direction"), query.direction()));
        }
        if (query.outcome() != null) {
            filters.add(cb.equal(t.get("outcome"), query.outcome()));
        }
        if (query.pathPrefix() != null) {
            filters.add(cb.like(t.get("path"), likePrefix(query.pathPrefix()), LIKE_ESCAPE));
        }
        if (query.since() != null) {
            filters.add(cb.greaterThanOrEqualTo(t.get("startedAt"), query.since()));
        }
        if (query.until() != null) {
            filters.add(cb.lessThan(t.get("startedAt"), query.until()));
        }
        return filters.toArray(Predicate[]::new);
    }

    /** A LIKE pattern matching what starts with {@code prefix}, its own wildcards taken literally. */
    static String likePrefix(String prefix) {
        StringBuilder pattern = new StringBuilder(prefix.length() + 1);
        for (char c : prefix.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                pattern.append(LIKE_ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
