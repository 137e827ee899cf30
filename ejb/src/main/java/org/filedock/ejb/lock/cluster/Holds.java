package org.filedock.ejb.lock.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The holds on one path: the value of one lock table entry, {@code hold;hold;...}. */
final class Holds {

    private static final Holds NONE = new Holds(List.of());

    private final List<Hold> holds;

    private Holds(List<Hold> holds) {
        this.holds = List.copyOf(holds);
    }

    static Holds parse(String value) {
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        return new Holds(Arrays.stream(value.split(";")).map(Hold::parse).toList());
    }

    String encode() {
        return String.join(";", holds.stream().map(Hold::encode).toList());
    }

    boolean isEmpty() {
        return holds.isEmpty();
    }

    List<Hold> all() {
        return holds;
    }

    /** The first hold a new hold of {@code kind} cannot join, if any. */
    Optional<Hold> conflictWith(HoldKind kind) {
        return holds.stream().filter(h -> !kind.compatibleWith(h.kind())).findFirst();
    }

    Holds with(Hold hold) {
        List<Hold> more = new ArrayList<>(holds);
        more.add(hold);
        return new Holds(more);
    }

    Holds withoutToken(String token) {
        return keep(h -> !h.token().equals(token));
    }

    Holds keep(Predicate<Hold> live) {
        List<Hold> kept = holds.stream().filter(live).toList();
        return kept.size() == holds.size() ? this : new Holds(kept);
    }
}
