package org.filedock.api.metrics;

import java.util.concurrent.atomic.LongAdder;

import org.filedock.api.history.TransferChannel;
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferOutcome;

/**
 * Transfers by direction: those running now, those ended by door and outcome, and the payload
 * bytes they moved by direction and door. The bytes are added when the transfer ends: its copy
 * loop counts into the transfer's own counter (the history's), and nothing is added to the
 * payload's path; a scrape during a long transfer sees its bytes only once it has ended.
 */
public final class TransferCounts {

    private static final TransferDirection[] DIRECTIONS = TransferDirection.values();
    private static final TransferChannel[] CHANNELS = TransferChannel.values();
    private static final TransferOutcome[] OUTCOMES = TransferOutcome.values();

    private final LongAdder[] running = adders(DIRECTIONS.length);
    private final LongAdder[] bytes = adders(DIRECTIONS.length * CHANNELS.length);
    private final LongAdder[] ended = adders(DIRECTIONS.length * CHANNELS.length * OUTCOMES.length);

    public void started(TransferDirection direction) {
        running[direction.ordinal()].increment();
    }

    /** A running transfer moved {@code bytes} more payload bytes. */
    public void moved(TransferDirection direction, TransferChannel channel, long bytes) {
        this.bytes[byDoor(direction, channel)].add(bytes);
    }

    /** A transfer ended, whichever way, having moved {@code bytes} payload bytes not yet counted. */
    public void ended(TransferDirection direction, TransferChannel channel, TransferOutcome outcome, long bytes) {
        running[direction.ordinal()].decrement();
        this.bytes[byDoor(direction, channel)].add(bytes);
        ended[byDoor(direction, channel) * OUTCOMES.length + outcome.ordinal()].increment();
    }

    public LongAdder running(TransferDirection direction) {
        return running[direction.ordinal()];
    }

    public LongAdder bytes(TransferDirection direction, TransferChannel channel) {
        return bytes[byDoor(direction, channel)];
    }

    public LongAdder endedCount(TransferDirection direction, TransferChannel channel, TransferOutcome outcome) {
        return ended[byDoor(direction, channel) * OUTCOMES.length + outcome.ordinal()];
    }

    private static int byDoor(TransferDirection direction, TransferChannel channel) {
        return direction.ordinal() * CHANNELS.length + channel.ordinal();
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] adders = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
