package org.filedock.ejb.history.query;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.filedock.api.history.TransferQuery;
import org.filedock.ejb.history.store.TransferEntity;

/** The filters of a {@link TransferQuery}. */
final class TransferSearch implements PagedSearch.Filters<TransferEntity> {

    private final TransferQuery query;

    TransferSearch(TransferQuery query) {
        this.query = query;
    }

    @Override
    public Predicate[] of(CriteriaBuilder cb, Root<TransferEntity> t) {
        List<Predicate> filters = new ArrayList<>();
        if (query.direction() != null) {
            filters.add(cb.equal(t.get("direction"), query.direction()));
        }
        if (query.outcome() != null) {
            filters.add(cb.equal(t.get("outcome"), query.outcome()));
        }
        if (query.pathPrefix() != null) {
            filters.add(LikePrefix.startsWith(cb, t.get("path"), query.pathPrefix()));
        }
        if (query.user() != null) {
            filters.add(cb.equal(t.get("user"), query.user()));
        }
        if (query.uploadId() != null) {
            filters.add(cb.equal(t.get("uploadId"), query.uploadId()));
        }
        if (query.since() != null) {
            filters.add(cb.greaterThanOrEqualTo(t.get("startedAt"), query.since()));
        }
        if (query.until() != null) {
            filters.add(cb.lessThan(t.get("startedAt"), query.until()));
        }
        return filters.toArray(Predicate[]::new);
    }
}
