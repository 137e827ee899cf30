package org.filedock.ejb.quota;

import java.util.OptionalLong;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotaConfigTest {

    @Test
    void unlimitedByDefaultAndWhenSaidSo() {
        assertEquals(OptionalLong.empty(), QuotaConfig.from(new Properties()).defaultQuota());
        assertEquals(OptionalLong.empty(), quota(" Unlimited "));
    }

    @Test
    void bytesOrBinarySuffixes() {
        assertEquals(OptionalLong.of(0), quota("0"));
        assertEquals(OptionalLong.of(1_000_000), quota("1000000"));
        assertEquals(OptionalLong.of(512L << 10), quota("512k"));
        assertEquals(OptionalLong.of(3L << 20), quota("3M"));
        assertEquals(OptionalLong.of(10L << 30), quota("10G"));
        assertEquals(OptionalLong.of(10L << 30), quota("10GiB"));
        assertEquals(OptionalLong.of(10L << 30), quota("10gb"));
        assertEquals(OptionalLong.of(2L << 40), quota("2T"));
    }

    @Test
    void malformedValuesNameTheProperty() {
        for (String bad : new String[] {"", "G", "-1", "1.5G", "10 G", "10X", "ten", "9223372036854775808",
                "9000000T"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> quota(bad), bad);
            assertTrue(e.getMessage().startsWith("filedock.quota: "), e.getMessage());
        }
    }

    private static OptionalLong quota(String value) {
        Properties p = new Properties();
        p.setProperty(QuotaConfig.QUOTA, value);
        return QuotaConfig.from(p).defaultQuota();
    }
}
