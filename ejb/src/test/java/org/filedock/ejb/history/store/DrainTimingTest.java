package org.filedock.ejb.history.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DrainTimingTest {

    private static final long MS = 1_000_000;
    private final DrainTiming timing = new DrainTiming(Duration.ofMillis(20), Duration.ofSeconds(1));

    @Test
    void aLoneTransferIsWrittenAfterTheQuietWindow() {
        timing.ended(0, true);
        assertEquals(5 * MS, timing.waitBeforeDrain(15 * MS));
        assertEquals(0, timing.waitBeforeDrain(20 * MS));
    }

    @Test
    void eachEndOfABurstPostponesTheWrite() {
        timing.ended(0, true);
        timing.ended(12 * MS, false);
        timing.ended(30 * MS, false);
        assertEquals(20 * MS, timing.waitBeforeDrain(30 * MS));
        assertEquals(2 * MS, timing.waitBeforeDrain(48 * MS));
        assertEquals(0, timing.waitBeforeDrain(50 * MS));
    }

    @Test
    void steadyTrafficIsWrittenAfterTheLongestDelay() {
        timing.ended(0, true);
        for (long t = 10 * MS; t < 1000 * MS; t += 10 * MS) {
            timing.ended(t, false);
            assertEquals(Math.min(20 * MS, 1000 * MS - t), timing.waitBeforeDrain(t));
        }
        timing.ended(995 * MS, false);
        assertEquals(0, timing.waitBeforeDrain(1000 * MS));
    }

    @Test
    void aNewBatchStartsItsOwnLongestDelay() {
        timing.ended(0, true);
        timing.ended(5000 * MS, true);
        assertEquals(20 * MS, timing.waitBeforeDrain(5000 * MS));
    }
}
