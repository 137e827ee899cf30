package org.filedock.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /filedock/api/info} over HTTP against the deployed EAR. */
@ExtendWith(ArquillianExtension.class)
class InfoIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @Test
    void reportsWhereTheProtocolListensAndOpenSessions() throws IOException, InterruptedException {
        try (WireClient one = WireClient.connect(); WireClient two = WireClient.connect()) {
            assertEquals("OK@/", one.call("PWD"));
            assertEquals("OK@/", two.call("PWD"));
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ItConfig.httpPort() + "/filedock/api/info"))
                            .header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            String json = response.body();
            assertEquals(String.valueOf(ItConfig.filedockPort()), field(json, "protocolPort"));
            assertEquals("\"127.0.0.1\"", field(json, "bindAddress"));
            assertEquals("\"1.2\"", field(json, "protocolVersion"));
            assertTrue(Integer.parseInt(field(json, "openSessions")) >= 2, json);
            assertTrue(Long.parseLong(field(json, "uptimeSeconds")) >= 0, json);
            assertTrue(field(json, "storageRoot").contains("storage"), json);
            assertTrue(field(json, "version").matches("\"\\d+\\.\\d+\\.\\d+.*\""), json);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"[^\"]*\"|[-0-9.]+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }
}
