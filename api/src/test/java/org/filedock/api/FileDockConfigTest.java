package org.filedock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class FileDockConfigTest {

    @Test
    void defaultsKeepTheOneZeroBehaviour() {
        FileDockConfig config = FileDockConfig.from(new Properties());
        assertEquals(AuthMode.NONE, config.auth());
        assertEquals(OptionalInt.of(7021), config.port());
        assertEquals(OptionalInt.of(7022), config.tls().port());
        assertTrue(config.tls().keyStore().isEmpty());
        assertEquals(5, config.loginLimits().maxFailuresPerSession());
        assertEquals(Duration.ofSeconds(900), config.loginLimits().coolOff());
    }

    @Test
    void accountsWithTlsTurnThePlaintextListenerOffUnlessItsPortIsSet() {
        Properties p = new Properties();
        p.setProperty(FileDockConfig.AUTH, "required");
        assertEquals(OptionalInt.empty(), FileDockConfig.from(p).port());

        p.setProperty(FileDockConfig.PORT, "7021");
        assertEquals(OptionalInt.of(7021), FileDockConfig.from(p).port());

        p.remove(FileDockConfig.PORT);
        p.setProperty(TlsConfig.PORT, "off");
        assertEquals(OptionalInt.of(7021), FileDockConfig.from(p).port());
        assertEquals(OptionalInt.empty(), FileDockConfig.from(p).tls().port());
    }

    @Test
    void malformedValuesNameTheirProperty() {
        Properties p = new Properties();
        p.setProperty(FileDockConfig.AUTH, "maybe");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileDockConfig.from(p));
        assertTrue(e.getMessage().startsWith("filedock.auth"), e.getMessage());

        Properties q = new Properties();
        q.setProperty(LoginLimits.MAX_FAILURES_PER_ADDRESS, "0");
        e = assertThrows(IllegalArgumentException.class, () -> FileDockConfig.from(q));
        assertTrue(e.getMessage().startsWith(LoginLimits.MAX_FAILURES_PER_ADDRESS), e.getMessage());
    }
}
