package org.filedock.ejb.account;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.filedock.api.LoginLimits;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuessingLimitTest {

    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Duration COOL_OFF = Duration.ofSeconds(300);
    private final AtomicLong now = new AtomicLong(1_000);
    private final LoginLimits limits = new LoginLimits(5, Duration.ofMillis(250), 3, 4, WINDOW, COOL_OFF);
    private final GuessingLimit limit = new GuessingLimit(limits, now::get);

    @Test
    void anAddressIsLockedAtItsThresholdForTheCoolOffWhateverTheUser() {
        limit.failed("10.0.0.1", "a");
        limit.failed("10.0.0.1", "b");
        assertTrue(limit.mayAttempt("10.0.0.1", "c"));
        limit.failed("10.0.0.1", "c");
        assertFalse(limit.mayAttempt("10.0.0.1", "d"));
        assertTrue(limit.mayAttempt("10.0.0.2", "a"), "other addresses go on");

        advance(COOL_OFF.minusSeconds(1));
        assertFalse(limit.mayAttempt("10.0.0.1", "d"));
        advance(Duration.ofSeconds(2));
        assertTrue(limit.mayAttempt("10.0.0.1", "d"), "after the cool-off");
        limit.failed("10.0.0.1", "d");
        assertTrue(limit.mayAttempt("10.0.0.1", "d"), "counting starts again");
    }

    @Test
    void aUserIsLockedAtItsThresholdFromEveryAddress() {
        for (int i = 0; i < 4; i++) {
            limit.failed("10.0.1." + i, "alice");
        }
        assertFalse(limit.mayAttempt("10.9.9.9", "alice"));
        assertTrue(limit.mayAttempt("10.9.9.9", "bob"));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        limit.failed("10.0.0.1", "a");
        limit.failed("10.0.0.1", "a");
        advance(WINDOW.plusSeconds(1));
        limit.failed("10.0.0.1", "a");
        limit.failed("10.0.0.1", "a");
        assertTrue(limit.mayAttempt("10.0.0.1", "a"));
    }

    @Test
    void aSuccessClearsTheUsersCountButNotTheAddresss() {
        for (int i = 0; i < 3; i++) {
            limit.failed("10.0.1." + i, "alice");
        }
        limit.failed("10.0.0.1", "x");
        limit.failed("10.0.0.1", "y");
        limit.succeeded("10.0.0.1", "alice");
        limit.failed("10.0.2.1", "alice");
        assertTrue(limit.mayAttempt("10.0.2.2", "alice"), "alice's count started again");
        limit.failed("10.0.0.1", "z");
        assertFalse(limit.mayAttempt("10.0.0.1", "mallory"), "logging in as oneself does not wipe one's guesses");
    }

    @Test
    void veryLongUserNamesAreCountedByTheirBeginning() {
        String prefix = "u".repeat(GuessingLimit.LONGEST_USER_KEY);
        for (int i = 0; i < 4; i++) {
            limit.failed("10.0.1." + i, prefix + i);
        }
        assertFalse(limit.mayAttempt("10.9.9.9", prefix + "other"));
    }

    @Test
    void memoryIsBoundedAndLocksOutliveTheChurn() {
        GuessingLimit small = new GuessingLimit(limits, now::get, 10);
        for (int i = 0; i < 3; i++) {
            small.failed("10.0.0.1", "alice-" + i);
        }
        assertFalse(small.mayAttempt("10.0.0.1", "x"));
        for (int i = 0; i < 1000; i++) {
            small.failed("10.1." + (i / 250) + "." + (i % 250), "user-" + i);
        }
        assertFalse(small.mayAttempt("10.0.0.1", "x"), "an unlocked key goes before a locked one");
    }

    @Test
    void theLedgerKeepsAtMostItsCapacity() {
        FailureLedger ledger = new FailureLedger(3, WINDOW, COOL_OFF, 10, now::get);
        for (int i = 0; i < 100; i++) {
            ledger.failed("key-" + i);
        }
        assertEquals(10, ledger.size());
        advance(WINDOW.plusSeconds(1));
        ledger.failed("fresh");
        assertEquals(1, ledger.size(), "expired keys go first");
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
