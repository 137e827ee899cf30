package org.filedock.ejb.audit;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditConfigTest {

    @Test
    void onByDefaultAndIndependentOfTheHistorySwitch() {
        Properties p = new Properties();
        p.setProperty("filedock.history.enabled", "false");
        assertEquals(new AuditConfig(true, 1_000_000), AuditConfig.from(p));
    }

    @Test
    void settingsAreReadAndCheckedByName() {
        Properties p = new Properties();
        p.setProperty(AuditConfig.ENABLED, "false");
        p.setProperty(AuditConfig.MAX_ENTRIES, "25");
        assertEquals(new AuditConfig(false, 25), AuditConfig.from(p));
        p.setProperty(AuditConfig.MAX_ENTRIES, "0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuditConfig.from(p));
        assertTrue(e.getMessage().contains(AuditConfig.MAX_ENTRIES), e.getMessage());
    }
}
