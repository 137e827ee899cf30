package org.filedock.ejb.history.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.filedock.api.history.DirectionStats;
import org.filedock.api.history.LiveTransfer;
import org.filedock.api.history.RateSample;
import org.filedock.api.history.TransferDetail;
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferHistory;
import org.filedock.api.history.TransferOutcome;
import org.filedock.api.history.TransferPage;
import org.filedock.api.history.TransferQuery;
import org.filedock.api.history.TransferStats;
import org.filedock.ejb.history.recording.TransferRecorder;
import org.filedock.ejb.history.store.HistoryUnit;
import org.filedock.ejb.history.store.SampleEntity;
import org.filedock.ejb.history.store.TransferEntity;

/** Reads the history for the web tier: finished transfers from the database, live ones from the recorder. */
@Stateless
@Local(TransferHistory.class)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TransferHistoryBean implements TransferHistory {

    @PersistenceContext(unitName = HistoryUnit.NAME)
    EntityManager em;

    @Inject
    TransferRecorder recorder;

    @Override
    public TransferPage list(TransferQuery query) {
        PagedSearch<TransferEntity> search = new PagedSearch<>(em, TransferEntity.class, new TransferSearch(query),
                "startedAt", "id");
        // counted first: a transfer stored between the two queries may then be on the page but not yet
        // in the total, never counted but missing from a page that has room for it
        long total = search.total();
        return new TransferPage(search.page(query.offset(), query.limit()).stream().map(TransferViews::summary).toList(),
                query.limit(), query.offset(), total);
    }

    @Override
    public Optional<TransferDetail> find(String id) {
        return Optional.ofNullable(em.find(TransferEntity.class, id)).map(TransferViews::detail);
    }

    @Override
    public Optional<List<RateSample>> samples(String id) {
        if (em.find(TransferEntity.class, id) == null) {
            return Optional.empty();
        }
        return Optional.of(em.createQuery(
                        "select s from SampleEntity s where s.transferId = :id order by s.seq", SampleEntity.class)
                .setParameter("id", id)
                .getResultStream()
                .map(SampleEntity::toSample)
                .toList());
    }

    @Override
    public TransferStats stats(Instant since, Instant until, String user) {
        Map<TransferDirection, DirectionStats> byDirection = new EnumMap<>(TransferDirection.class);
        List<Object[]> rows = inWindow(em.createQuery("select t.direction, count(t), coalesce(sum(t.bytesMoved), 0),"
                        + " sum(case when t.outcome = :aborted then 1 else 0 end) from TransferEntity t"
                        + " where " + window(user) + " group by t.direction", Object[].class), since, until, user)
                .setParameter("aborted", TransferOutcome.ABORTED)
                .getResultList();
        for (Object[] row : rows) {
            TransferDirection direction = (TransferDirection) row[0];
            RateStatistics rates = RateStatistics.of(completedRates(direction, since, until, user));
            byDirection.put(direction, new DirectionStats(direction, ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), rates.mean(), rates.median(), rates.p95(),
                    ((Number) row[3]).longValue()));
        }
        List<DirectionStats> directions = new ArrayList<>();
        for (TransferDirection direction : TransferDirection.values()) {
            directions.add(byDirection.getOrDefault(direction, DirectionStats.empty(direction)));
        }
        return new TransferStats(since, until, directions);
    }

    @Override
    public List<LiveTransfer> live() {
        return recorder.live();
    }

    private double[] completedRates(TransferDirection direction, Instant since, Instant until, String user) {
        return inWindow(em.createQuery("select t.meanRate from TransferEntity t where t.direction = :direction"
                        + " and t.outcome = :completed and " + window(user), Double.class), since, until, user)
                .setParameter("direction", direction)
                .setParameter("completed", TransferOutcome.COMPLETED)
                .getResultStream()
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    /** The stats' condition: started in the window and, when a user is given, theirs (no null parameter: PostgreSQL cannot type one). */
    private static String window(String user) {
        return "t.startedAt >= :since and t.startedAt < :until" + (user == null ? "" : " and t.user = :user");
    }

    private static <T> TypedQuery<T> inWindow(TypedQuery<T> query, Instant since, Instant until, String user) {
        query.setParameter("since", since).setParameter("until", until);
        return user == null ? query : query.setParameter("user", user);
    }
}
