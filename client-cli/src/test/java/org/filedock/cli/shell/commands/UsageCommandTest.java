package org.filedock.cli.shell.commands;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** USAGE's line for people. */
class UsageCommandTest {

    @Test
    void usedOfQuotaWithPercent() {
        assertEquals("1.2 GiB of 10 GiB used (12 %)", UsageCommand.describe(1288490189L, 10L << 30));
        assertEquals("0 B of 100 B used (0 %)", UsageCommand.describe(0, 100L));
        assertEquals("100 B of 100 B used (100 %)", UsageCommand.describe(100, 100L));
        assertEquals("150 B of 100 B used (150 %)", UsageCommand.describe(150, 100L), "over a lowered quota");
        assertEquals("0 B of 0 B used (100 %)", UsageCommand.describe(0, 0L));
    }

    @Test
    void withoutAQuota() {
        assertEquals("512 B used (no quota)", UsageCommand.describe(512, null));
    }

    @Test
    void sizesRoundDownToOneDecimal() {
        assertEquals("1023 B", UsageCommand.size(1023));
        assertEquals("1 KiB", UsageCommand.size(1024));
        assertEquals("1.9 KiB", UsageCommand.size(2047));
        assertEquals("1.5 MiB", UsageCommand.size(1572864));
    }
}
