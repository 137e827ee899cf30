package org.filedock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Quotas with accounts (contract §13, §14; the "web-auth" server): an administrator sets a user's
 * quota over HTTP, others get 403; the user's uploads over the socket are held to it before any
 * payload, a replaced file counting as freed, concurrent uploads together included; USAGE and
 * {@code GET /api/usage} agree. The quota is set relative to what the user already uses (other
 * tests of this server upload as the same user) and reset at the end.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.server", matches = "web-auth")
class QuotaIT {

    private static final String USER = System.getProperty("it.web-auth.user");
    private static final String PASSWORD = System.getProperty("it.web-auth.password");
    private static final String ADMIN = System.getProperty("it.web-auth.admin");
    private static final String ADMIN_PASSWORD = System.getProperty("it.web-auth.admin-password");
    private static final String API = "https://localhost:" + ItConfig.httpsPort() + "/filedock/api/";

    private static HttpClient https;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @BeforeAll
    static void trustTheServersCertificate() throws Exception {
        https = HttpClient.newBuilder()
                .sslContext(ServerCertificate.trusting(ServerCertificate.fetch("localhost", ItConfig.httpsPort())))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void backToTheDefault() throws Exception {
        assertEquals(204, putQuota(USER, "{\"quota\":null}", ADMIN, ADMIN_PASSWORD).statusCode());
    }

    @Test
    void onlyAnAdministratorSetsAQuotaAndTheUsageShowsIt() throws Exception {
        HttpResponse<String> refused = putQuota(USER, "{\"quota\":1}", USER, PASSWORD);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertEquals("FORBIDDEN", json(refused.body()).getString("code"));
        assertEquals(401, https.send(HttpRequest.newBuilder(URI.create(API + "usage")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());

        JsonObject before = usage(USER, PASSWORD);
        assertEquals(JsonValue.NULL, before.get("quota"), "unlimited by default: " + before);
        long used = before.getJsonNumber("used").longValueExact();

        assertEquals(204, putQuota(USER, "{\"quota\":" + (used + 456) + "}", ADMIN, ADMIN_PASSWORD).statusCode());
        JsonObject after = usage(USER, PASSWORD);
        assertEquals(used + 456, after.getJsonNumber("quota").longValueExact());
        assertEquals(used, after.getJsonNumber("used").longValueExact());
        assertEquals(JsonValue.NULL, usage(ADMIN, ADMIN_PASSWORD).get("quota"), "the administrator's own is untouched");

        HttpResponse<String> negative = putQuota(USER, "{\"quota\":-1}", ADMIN, ADMIN_PASSWORD);
        assertEquals(400, negative.statusCode(), negative.body());
        assertEquals("BAD_REQUEST", json(negative.body()).getString("code"));
        assertEquals(400, putQuota("-x", "{\"quota\":1}", ADMIN, ADMIN_PASSWORD).statusCode());
        assertEquals(used + 456, usage(USER, PASSWORD).getJsonNumber("quota").longValueExact(), "unchanged");
    }

    @Test
    void uploadsOverTheSocketAreHeldToTheQuota() throws Exception {
        try (WireClient client = loggedIn(); WireClient other = loggedIn()) {
            String dir = client.enterOwnDirectory("quota");
            assertEquals("OK@Directory changed to " + dir, other.call("CHDIR " + dir));
            long used = usedBySocket(client);
            assertEquals(204, putQuota(USER, "{\"quota\":" + (used + 100) + "}", ADMIN, ADMIN_PASSWORD).statusCode());
            assertEquals("OK@" + used + " " + (used + 100), client.call("USAGE"));

            client.upload("a.bin", new byte[60]);
            assertEquals("OK@" + (used + 60) + " " + (used + 100), client.call("USAGE"));
            assertEquals(used + 60, usage(USER, PASSWORD).getJsonNumber("used").longValueExact(), "HTTP agrees");

            // over the quota: refused before OK@Ready, nothing changes, the session goes on
            assertEquals("ERR@QUOTA " + (used + 60) + " of " + (used + 100) + " bytes used", client.call("UPLOAD b.bin 41"));
            assertEquals(List.of("a.bin"), names(client.dir(null)));
            assertEquals("OK@" + (used + 60) + " " + (used + 100), client.call("USAGE"));

            // a replace needs room only for what it adds
            client.upload("a.bin", new byte[100]);
            assertEquals("OK@" + (used + 100) + " " + (used + 100), client.call("USAGE"));
            assertEquals("OK@File deleted", client.call("DELETE a.bin"));
            assertEquals("OK@" + used + " " + (used + 100), client.call("USAGE"));

            // two uploads at once: the first one's declared size is reserved while it runs
            assertEquals("OK@Ready", client.call("UPLOAD first.bin 60"));
            assertEquals("ERR@QUOTA " + (used + 60) + " of " + (used + 100) + " bytes used",
                    other.call("UPLOAD second.bin 60"));
            client.sendRaw(new byte[60]);
            assertEquals("OK@File uploaded", client.line());
            other.upload("second.bin", new byte[40]);
            assertEquals("OK@" + (used + 100) + " " + (used + 100), other.call("USAGE"));

            // an aborted upload gives its reservation back
            assertEquals("OK@File deleted", client.call("DELETE second.bin"));
            assertEquals("OK@Ready", other.call("UPLOAD cut.bin 40"));
            other.sendRaw(new byte[10]);
            other.close();
            Await.until(() -> client.call("UPLOAD again.bin 40").equals("OK@Ready"),
                    "the cut upload's reservation is given back");
            client.sendRaw(new byte[40]);
            assertEquals("OK@File uploaded", client.line());
            assertEquals(List.of("again.bin", "first.bin"), names(client.dir(null)));
        }
    }

    private static WireClient loggedIn() throws Exception {
        WireClient client = WireClient.connect();
        assertEquals("OK@Logged in as " + USER, client.call("LOGIN " + USER + " \"" + PASSWORD + "\""));
        return client;
    }

    private static long usedBySocket(WireClient client) throws Exception {
        String reply = client.call("USAGE");
        assertTrue(reply.matches("OK@[0-9]+ unlimited"), reply);
        return Long.parseLong(reply.substring(3, reply.indexOf(' ')));
    }

    private static List<String> names(List<String> dirLines) {
        return dirLines.stream().map(line -> line.substring(line.lastIndexOf(' ') + 1)).toList();
    }

    private static JsonObject usage(String user, String password) throws Exception {
        HttpResponse<String> response = https.send(authorized(HttpRequest.newBuilder(URI.create(API + "usage")), user, password)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    private static HttpResponse<String> putQuota(String user, String body, String as, String password) throws Exception {
        return https.send(authorized(HttpRequest.newBuilder(URI.create(API + "users/" + user + "/quota")), as, password)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request.timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + credentials);
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
