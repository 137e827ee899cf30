package org.filedock.ejb.share.purge;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PurgeConfigTest {

    @Test
    void aWeekOfGraceCheckedHourlyByDefault() {
        PurgeConfig config = PurgeConfig.from(new Properties());
        assertEquals(Duration.ofDays(7), config.grace());
        assertEquals(Duration.ofHours(1), config.interval());
    }

    @Test
    void noGraceIsAllowedButNoZeroInterval() {
        Properties p = new Properties();
        p.setProperty(PurgeConfig.GRACE, "0");
        p.setProperty(PurgeConfig.INTERVAL, "1");
        assertEquals(new PurgeConfig(Duration.ZERO, Duration.ofSeconds(1)), PurgeConfig.from(p));
        p.setProperty(PurgeConfig.INTERVAL, "0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PurgeConfig.from(p));
        assertTrue(e.getMessage().contains(PurgeConfig.INTERVAL), e.getMessage());
        p.setProperty(PurgeConfig.INTERVAL, "60");
        p.setProperty(PurgeConfig.GRACE, "-1");
        assertThrows(IllegalArgumentException.class, () -> PurgeConfig.from(p));
    }
}
