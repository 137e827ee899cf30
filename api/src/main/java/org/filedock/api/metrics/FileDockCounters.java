package org.filedock.api.metrics;

/**
 * The counters behind FileDock's metrics, one set per deployment: the adapter and the EJBs are
 * separate modules that share only the EAR's {@code lib/}, so they count into these static
 * instances, and {@link MetricsBinding} shows them to WildFly's Micrometer registry. Counting is
 * a {@link java.util.concurrent.atomic.LongAdder} add: nothing on a command's or a transfer's path
 * touches the registry.
 */
public final class FileDockCounters {

    public static final ConnectionCounts CONNECTIONS = new ConnectionCounts();
    public static final CommandCounts COMMANDS = new CommandCounts();
    public static final TransferCounts TRANSFERS = new TransferCounts();
    public static final LockCounts LOCKS = new LockCounts();
    /** The transfer history's queue of ended transfers not yet stored. */
    public static final QueueDepth HISTORY_QUEUE = new QueueDepth();

    private FileDockCounters() {
    }
}
