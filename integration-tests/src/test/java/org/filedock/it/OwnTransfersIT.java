package org.filedock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rate history and the audit trail follow the accounts (the "web-auth" server:
 * {@code filedock.auth=required}): a user's socket transfers are theirs, the API shows a user only
 * their own, and only an administrator sees everyone's and the audit trail.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.server", matches = "web-auth")
class OwnTransfersIT {

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

    @Test
    void aUserSeesOnlyTheirOwnTransfersAndOnlyAnAdministratorTheAuditTrail() throws Exception {
        String name = "owned-" + UUID.randomUUID() + ".bin";
        uploadAs(USER, PASSWORD, name);
        uploadAs(ADMIN, ADMIN_PASSWORD, name);
        String byPath = "transfers?path=" + URLEncoder.encode("/" + name, StandardCharsets.UTF_8);

        Await.until(() -> items(get(byPath, ADMIN, ADMIN_PASSWORD)).size() == 2, "both uploads are stored");
        List<String> seenByAdmin = users(items(get(byPath, ADMIN, ADMIN_PASSWORD)));
        assertTrue(seenByAdmin.containsAll(List.of(USER, ADMIN)), seenByAdmin.toString());
        assertEquals(List.of(USER), users(items(get(byPath, USER, PASSWORD))));
        assertFalse(users(items(get("transfers?limit=1000", USER, PASSWORD))).contains(ADMIN));
        assertEquals(403, send("transfers?user=" + ADMIN, USER, PASSWORD).statusCode());

        assertEquals(403, send("audit", USER, PASSWORD).statusCode());
        assertEquals(401, https.send(HttpRequest.newBuilder(URI.create(API + "audit")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        Await.until(() -> !items(get("audit?action=UPLOAD&user=" + USER + "&path="
                + URLEncoder.encode("/" + name, StandardCharsets.UTF_8), ADMIN, ADMIN_PASSWORD)).isEmpty(),
                "the administrator finds the user's upload in the audit trail");
        List<JsonValue> logins = items(get("audit?action=LOGIN&user=" + USER, ADMIN, ADMIN_PASSWORD));
        assertFalse(logins.isEmpty());
        assertFalse(logins.toString().contains(PASSWORD), "no password in the audit trail");
    }

    private static void uploadAs(String user, String password, String name) throws Exception {
        try (WireClient client = WireClient.connect()) {
            assertEquals("OK@Logged in as " + user, client.call("LOGIN " + user + " \"" + password + "\""));
            client.upload(name, name.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<String> users(List<JsonValue> items) {
        return items.stream().map(v -> v.asJsonObject().getString("user")).toList();
    }

    private static List<JsonValue> items(JsonObject page) {
        return page.getJsonArray("items");
    }

    private static JsonObject get(String path, String user, String password) throws Exception {
        HttpResponse<String> response = send(path, user, password);
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static HttpResponse<String> send(String path, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return https.send(HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
