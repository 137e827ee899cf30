package org.filedock.ejb.history.store;

/** The persistence unit of the history ({@code META-INF/persistence.xml}) and its data source. */
public final class HistoryUnit {

    public static final String NAME = "filedock-history";
    /** The unit's JTA data source (WildFly's configuration, {@code history-datasource*.cli}). */
    public static final String DATA_SOURCE = "java:jboss/datasources/FileDockHistoryDS";

    private HistoryUnit() {
    }
}
