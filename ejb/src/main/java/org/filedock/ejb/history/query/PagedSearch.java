package org.filedock.ejb.history.query;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * One listing of the history as criteria queries: a page, newest first by the given attributes,
 * and how many match; the filters are the caller's.
 *
 * @param <E> the entity listed
 */
public final class PagedSearch<E> {

    /** The conditions of a listing, all of which must hold. */
    public interface Filters<E> {
        Predicate[] of(CriteriaBuilder cb, Root<E> root);
    }

    private final EntityManager em;
    private final Class<E> type;
    private final Filters<E> filters;
    private final List<String> newestFirst;

    /** @param newestFirst the attributes to sort by, each descending, the first first */
    public PagedSearch(EntityManager em, Class<E> type, Filters<E> filters, String... newestFirst) {
        this.em = em;
        this.type = type;
        this.filters = filters;
        this.newestFirst = List.of(newestFirst);
    }

    public List<E> page(int offset, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<E> select = cb.createQuery(type);
        Root<E> root = select.from(type);
        List<Order> order = newestFirst.stream().map(attribute -> cb.desc(root.get(attribute))).toList();
        select.where(filters.of(cb, root)).orderBy(order);
        return em.createQuery(select)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long total() {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<E> root = count.from(type);
        count.select(cb.count(root)).where(filters.of(cb, root));
        return em.createQuery(count).getSingleResult();
    }
}
