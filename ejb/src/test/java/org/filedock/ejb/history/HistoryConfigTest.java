package org.filedock.ejb.history;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HistoryConfigTest {

    @Test
    void defaults() {
        assertEquals(new HistoryConfig(true, 30, 10_000), HistoryConfig.from(new Properties()));
    }

    @Test
    void givenValues() {
        Properties p = new Properties();
        p.setProperty(HistoryConfig.ENABLED, " FALSE ");
        p.setProperty(HistoryConfig.MAX_AGE_DAYS, "7");
        p.setProperty(HistoryConfig.MAX_TRANSFERS, "20");
        assertEquals(new HistoryConfig(false, 7, 20), HistoryConfig.from(p));
    }

    @Test
    void malformedValuesNameTheProperty() {
        assertEquals("filedock.history.enabled: not true or false: 'yes'",
                failure(HistoryConfig.ENABLED, "yes"));
        assertEquals("filedock.history.max-age-days: not a number: '1w'", failure(HistoryConfig.MAX_AGE_DAYS, "1w"));
        assertEquals("filedock.history.max-transfers: 0 is outside 1..2147483647",
                failure(HistoryConfig.MAX_TRANSFERS, "0"));
    }

    private static String failure(String name, String value) {
        Properties p = new Properties();
        p.setProperty(name, value);
        return assertThrows(IllegalArgumentException.class, () -> HistoryConfig.from(p)).getMessage();
    }
}
