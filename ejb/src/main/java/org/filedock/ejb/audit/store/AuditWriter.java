package org.filedock.ejb.audit.store;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.filedock.api.audit.AuditEntry;
import org.filedock.ejb.history.store.HistoryUnit;

/** Stores audit entries; each call is one transaction. */
@Stateless
public class AuditWriter {

    @PersistenceContext(unitName = HistoryUnit.NAME)
    EntityManager em;

    public void saveAll(List<AuditEntry> entries) {
        entries.forEach(this::save);
    }

    public void save(AuditEntry entry) {
        em.persist(AuditEntity.of(entry));
    }
}
