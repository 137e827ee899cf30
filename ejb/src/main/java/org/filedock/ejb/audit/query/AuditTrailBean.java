package org.filedock.ejb.audit.query;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.filedock.api.audit.AuditPage;
import org.filedock.api.audit.AuditQuery;
import org.filedock.api.audit.AuditTrail;
import org.filedock.ejb.audit.store.AuditEntity;
import org.filedock.ejb.history.query.PagedSearch;
import org.filedock.ejb.history.store.HistoryUnit;

/** Reads the audit trail for the web tier. */
@Stateless
@Local(AuditTrail.class)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditTrailBean implements AuditTrail {

    @PersistenceContext(unitName = HistoryUnit.NAME)
    EntityManager em;

    @Override
    public AuditPage list(AuditQuery query) {
        PagedSearch<AuditEntity> search = new PagedSearch<>(em, AuditEntity.class, new AuditSearch(query), "time", "id");
        // counted first, as the transfers are: an entry stored in between may be on the page, never missing
        long total = search.total();
        return new AuditPage(search.page(query.offset(), query.limit()).stream().map(AuditEntity::toEntry).toList(),
                query.limit(), query.offset(), total);
    }
}
