package org.filedock.ejb.history.store;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.filedock.api.history.RateSample;
import org.filedock.ejb.history.recording.FinishedTransfer;

/** Stores finished transfers and their samples; each call is one transaction. */
@Stateless
public class HistoryWriter {

    @PersistenceContext(unitName = HistoryUnit.NAME)
    EntityManager em;

    public void saveAll(List<FinishedTransfer> transfers) {
        transfers.forEach(this::persist);
    }

    public void save(FinishedTransfer transfer) {
        persist(transfer);
    }

    /**
     * Stores a transfer that another node served and could not record (it died); its id is the
     * key, so it is stored at most once.
     */
    public void saveForNode(FinishedTransfer transfer, String node) {
        em.persist(TransferEntity.of(transfer, node));
    }

    private void persist(FinishedTransfer transfer) {
        em.persist(TransferEntity.of(transfer));
        List<RateSample> samples = transfer.samples();
        for (int i = 0; i < samples.size(); i++) {
            em.persist(new SampleEntity(transfer.id(), i, samples.get(i)));
        }
    }
}
