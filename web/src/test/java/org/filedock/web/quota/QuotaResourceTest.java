package org.filedock.web.quota;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The body of {@code PUT /api/users/{user}/quota}. */
class QuotaResourceTest {

    @Test
    void aNumberOfBytesOrNull() {
        assertEquals(OptionalLong.of(456), QuotaResource.parse("{\"quota\":456}"));
        assertEquals(OptionalLong.of(0), QuotaResource.parse(" { \"quota\" : 0 } "));
        assertEquals(OptionalLong.empty(), QuotaResource.parse("{\"quota\":null}"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"", "[]", "{}", "{\"quota\":-1}", "{\"quota\":1.5}", "{\"quota\":\"10G\"}",
                "{\"quota\":99999999999999999999}", "{\"quota\":1,\"user\":\"x\"}", "{\"quota\":", "null"}) {
            assertThrows(IllegalArgumentException.class, () -> QuotaResource.parse(bad), bad);
        }
    }
}
