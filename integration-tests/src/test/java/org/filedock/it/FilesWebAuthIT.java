package org.filedock.it;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.filedock.it.FilesHttp.assertProblem;
import static org.filedock.it.FilesHttp.basic;
import static org.filedock.it.FilesHttp.json;
import static org.filedock.it.FilesHttp.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files over HTTP with {@code filedock.auth=required} (the "web-auth" server): each user works
 * in their own home, over HTTPS with HTTP Basic, and cannot reach another's files; the web's access
 * rules (authentication, the cross-site check) guard the file API as the rest.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.server", matches = "web-auth")
class FilesWebAuthIT {

    private static final String USER = System.getProperty("it.web-auth.user");
    private static final String PASSWORD = System.getProperty("it.web-auth.password");
    private static final String ADMIN = System.getProperty("it.web-auth.admin");
    private static final String ADMIN_PASSWORD = System.getProperty("it.web-auth.admin-password");
    private static final String ORIGIN = "https://localhost:" + ItConfig.httpsPort();

    private static HttpClient https;
    private static FilesHttp user;
    private static FilesHttp admin;
    private static FilesHttp anonymous;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @BeforeAll
    static void clients() throws IOException, GeneralSecurityException {
        https = HttpClient.newBuilder().sslContext(ServerCertificate.trusting(ServerCertificate.fetch("localhost",
                ItConfig.httpsPort()))).connectTimeout(Duration.ofSeconds(10)).build();
        user = new FilesHttp(https, ORIGIN, basic(USER, PASSWORD));
        admin = new FilesHttp(https, ORIGIN, basic(ADMIN, ADMIN_PASSWORD));
        anonymous = new FilesHttp(https, ORIGIN, null);
    }

    @Test
    void eachUserWorksInTheirOwnHomeAndCannotReachAnothers() throws Exception {
        String name = "secret-" + UUID.randomUUID() + ".txt";
        byte[] secret = "only for the user".getBytes(StandardCharsets.UTF_8);
        assertEquals(201, user.put("/" + name, secret).statusCode());
        assertArrayEquals(secret, user.get("/" + name).body());
        assertTrue(text(user.get("/")).contains(name), "the user's home lists it");

        assertProblem(admin.get("/" + name), 404, "NOT_FOUND");
        assertFalse(text(admin.get("/")).contains(name), "not in another user's home");
        for (String escape : new String[] {"/..", "/../" + USER + "/" + name, "/%2e%2e/" + USER + "/" + name,
                "/..%2F" + USER + "%2F" + name}) {
            HttpResponse<byte[]> response = admin.get(escape);
            assertNotEquals(200, response.statusCode(), escape + ": " + text(response));
            assertFalse(text(response).contains("only for the user"), escape);
        }
        assertProblem(user.post("/" + name, "{\"op\":\"move\",\"to\":\"/..\"}"), 403, "FORBIDDEN");
        assertEquals(204, user.delete("/" + name).statusCode());
    }

    @Test
    void theFilesNeedAnAuthenticatedCallerAndTheSameOrigin() throws Exception {
        assertEquals(401, anonymous.get("/").statusCode());
        assertEquals(401, anonymous.put("/x", new byte[1]).statusCode());
        assertEquals(401, new FilesHttp(https, ORIGIN, basic(USER, PASSWORD + "x")).get("/").statusCode());

        HttpResponse<byte[]> forged = user.send(user.request("/forged.txt").header("Origin", "https://evil.example")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})));
        assertEquals(403, forged.statusCode(), text(forged));
        assertProblem(user.get("/forged.txt"), 404, "NOT_FOUND");
    }

    @Test
    void anHttpTransferIsTheUsersInTheHistoryWithChannelHttp() throws Exception {
        String name = "measured-" + UUID.randomUUID() + ".txt";
        assertEquals(201, user.put("/" + name, new byte[] {1, 2, 3}).statusCode());
        String query = ORIGIN + "/filedock/api/transfers?path=%2F" + name;
        Await.until(() -> FilesHttp.json(https.send(HttpRequest.newBuilder(java.net.URI.create(query))
                .header("Authorization", basic(USER, PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray()))
                .getInt("total") == 1, "the PUT is stored in the history");
        HttpResponse<byte[]> page = https.send(HttpRequest.newBuilder(java.net.URI.create(query))
                .header("Authorization", basic(USER, PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());
        var transfer = json(page).getJsonArray("items").getJsonObject(0);
        assertEquals("http", transfer.getString("channel"));
        assertEquals(USER, transfer.getString("user"));
        assertEquals("UPLOAD", transfer.getString("direction"));
    }
}
