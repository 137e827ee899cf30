package org.filedock.ejb.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.junit.jupiter.api.Test;

/** Two nodes' quota books over one real concurrent map (the cluster's replicated table). */
class SharedQuotasTest {

    private final ConcurrentMap<String, String> table = new ConcurrentHashMap<>();
    private final SharedQuotas a = new SharedQuotas(table);
    private final SharedQuotas b = new SharedQuotas(table);

    @Test
    void aQuotaSetOnOneNodeHoldsOnTheOtherAtOnce() {
        assertEquals(OptionalLong.empty(), b.of("alice"));
        a.set("alice", OptionalLong.of(1000));
        assertEquals(OptionalLong.of(1000), b.of("alice"));
        b.set("alice", OptionalLong.of(5000));
        assertEquals(OptionalLong.of(5000), a.of("alice"));
        a.set("alice", OptionalLong.empty());
        assertEquals(OptionalLong.empty(), b.of("alice"));
        assertEquals(OptionalLong.empty(), b.of("bob"));
    }

    @Test
    void aStartingNodeFillsAnEmptyTableButOverwritesNothing() {
        a.load("alice", 1000);
        assertEquals(OptionalLong.of(1000), b.of("alice"));
        a.set("alice", OptionalLong.of(2000));
        b.load("alice", 1000); // read from the database before the change was stored
        assertEquals(OptionalLong.of(2000), a.of("alice"));
    }

    @Test
    void aQuotaTakenBackIsNotBroughtBackByANodeThatReadTheOldOne() {
        a.load("alice", 1000);
        a.set("alice", OptionalLong.empty());
        b.load("alice", 1000);
        assertEquals(OptionalLong.empty(), b.of("alice"));
        assertEquals(OptionalLong.empty(), a.of("alice"));
    }

    @Test
    void theEntriesAreNoLockTablePaths() {
        a.set("alice", OptionalLong.of(1));
        assertEquals(Set.of("@quota:alice"), table.keySet());
    }
}
