package org.filedock.ejb.share;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicUrlTest {

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void theConfiguredAddressWinsWithoutATrailingSlash() {
        assertEquals("https://files.example.org/filedock",
                PublicUrl.of(props(PublicUrl.PROPERTY, "https://files.example.org/filedock/")));
    }

    @Test
    void byDefaultTheHttpListenerWithItsOffset() {
        assertEquals("http://127.0.0.1:8080/filedock", PublicUrl.of(props()));
        assertEquals("http://10.0.0.7:8480/filedock",
                PublicUrl.of(props("filedock.bind", "10.0.0.7", "jboss.socket.binding.port-offset", "400")));
        assertEquals("http://[::1]:9000/filedock", PublicUrl.of(props("filedock.bind", "::1", "jboss.http.port", "9000")));
    }

    @Test
    void withAccountsTheHttpsListener() {
        assertEquals("https://127.0.0.1:8543/filedock",
                PublicUrl.of(props("filedock.auth", "required", "jboss.socket.binding.port-offset", "100")));
    }

    @Test
    void aWildcardBindNamesTheHost() {
        String url = PublicUrl.of(props("filedock.bind", "0.0.0.0"));
        assertTrue(url.startsWith("http://") && url.endsWith(":8080/filedock") && !url.contains("0.0.0.0"), url);
    }
}
