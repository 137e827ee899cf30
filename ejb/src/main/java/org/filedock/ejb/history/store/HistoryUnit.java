package org.filedock.ejb.history.store;

/** The persistence unit of the history ({@code META-INF/persistence.xml}). */
public final class HistoryUnit {

    public static final String NAME = "filedock-history";

    private HistoryUnit() {
    }
}
