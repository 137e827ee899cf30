package org.filedock.ejb.audit.query;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.filedock.api.audit.AuditQuery;
import org.filedock.ejb.audit.store.AuditEntity;
import org.filedock.ejb.history.query.LikePrefix;
import org.filedock.ejb.history.query.PagedSearch;

/** The filters of an {@link AuditQuery}. */
final class AuditSearch implements PagedSearch.Filters<AuditEntity> {

    private final AuditQuery query;

    AuditSearch(AuditQuery query) {
        this.query = query;
    }

    @Override
    public Predicate[] of(CriteriaBuilder cb, Root<AuditEntity> a) {
        List<Predicate> filters = new ArrayList<>();
        if (query.user() != null) {
            filters.add(cb.equal(a.get("user"), query.user()));
        }
        if (query.action() != null) {
            filters.add(cb.equal(a.get("action"), query.action()));
        }
        if (query.pathPrefix() != null) {
            // a MOVE concerns its target as much as its source
            filters.add(cb.or(LikePrefix.startsWith(cb, a.get("path"), query.pathPrefix()),
                    LikePrefix.startsWith(cb, a.get("target"), query.pathPrefix())));
        }
        if (query.since() != null) {
            filters.add(cb.greaterThanOrEqualTo(a.get("time"), query.since()));
        }
        if (query.until() != null) {
            filters.add(cb.lessThan(a.get("time"), query.until()));
        }
        return filters.toArray(Predicate[]::new);
    }
}
