package org.filedock.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Share links and the audit trail with {@code filedock.auth=required} (the "web-auth" server): a
 * link is its maker's (others neither list nor revoke it; an administrator may revoke it), it is
 * fetched over HTTPS without an account, and its downloads are the owner's in the history; the file
 * API's operations and share downloads are in the audit trail as the socket's commands are.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.server", matches = "web-auth")
class SharesWebAuthIT {

    private static final String USER = System.getProperty("it.web-auth.user");
    private static final String PASSWORD = System.getProperty("it.web-auth.password");
    private static final String ADMIN = System.getProperty("it.web-auth.admin");
    private static final String ADMIN_PASSWORD = System.getProperty("it.web-auth.admin-password");
    private static final String ORIGIN = "https://localhost:" + ItConfig.httpsPort();

    private static HttpClient https;
    private static FilesHttp userFiles;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @BeforeAll
    static void clients() throws Exception {
        https = HttpClient.newBuilder().sslContext(ServerCertificate.trusting(ServerCertificate.fetch("localhost",
                ItConfig.httpsPort()))).connectTimeout(Duration.ofSeconds(10)).build();
        userFiles = new FilesHttp(https, ORIGIN, basic(USER, PASSWORD));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request, String authorization) throws Exception {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return https.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String pathAndQuery, String authorization) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ORIGIN + pathAndQuery)).GET(), authorization);
    }

    private static JsonObject share(String path, String authorization) throws Exception {
        return share(path, authorization, Instant.now().plusSeconds(3600));
    }

    private static JsonObject share(String path, String authorization, Instant expiresAt) throws Exception {
        HttpResponse<byte[]> created = send(HttpRequest.newBuilder(URI.create(ORIGIN + "/filedock/api/shares"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"" + path + "\",\"expiresAt\":\""
                        + expiresAt + "\"}")), authorization);
        assertEquals(201, created.statusCode(), text(created));
        return json(created);
    }

    private static HttpResponse<byte[]> revoke(String token, String authorization) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ORIGIN + "/filedock/api/shares/" + token)).DELETE(), authorization);
    }

    @Test
    void aLinkIsItsMakersAndServesTheMakersFileToAnyone() throws Exception {
        String name = "shared-" + UUID.randomUUID() + ".txt";
        assertEquals(201, userFiles.put("/" + name, "the user's".getBytes(StandardCharsets.UTF_8)).statusCode());
        JsonObject mine = share("/" + name, basic(USER, PASSWORD));
        assertTrue(mine.getString("url").startsWith(ORIGIN + "/filedock/s/"), mine.toString());
        assertEquals("the user's", text(get("/filedock/s/" + mine.getString("token"), null)), "no account needed");

        assertTrue(text(get("/filedock/api/shares", basic(USER, PASSWORD))).contains(mine.getString("id")));
        assertFalse(text(get("/filedock/api/shares", basic(ADMIN, ADMIN_PASSWORD))).contains(mine.getString("id")),
                "another user does not list it");
        assertEquals(401, get("/filedock/api/shares", null).statusCode());

        // the administrator's own link: the user can neither see nor revoke it
        assertEquals(201, new FilesHttp(https, ORIGIN, basic(ADMIN, ADMIN_PASSWORD))
                .put("/" + name, "the admin's".getBytes(StandardCharsets.UTF_8)).statusCode());
        JsonObject theirs = share("/" + name, basic(ADMIN, ADMIN_PASSWORD));
        assertEquals("the admin's", text(get("/filedock/s/" + theirs.getString("token"), null)), "each link names its owner's file");
        assertProblem(revoke(theirs.getString("token"), basic(USER, PASSWORD)), 404, "NOT_FOUND");
        assertProblem(revoke(theirs.getString("id"), basic(USER, PASSWORD)), 404, "NOT_FOUND");
        assertEquals(200, get("/filedock/s/" + theirs.getString("token"), null).statusCode(), "still there");

        // a forged cross-site revoke is refused before anything happens
        HttpResponse<byte[]> forged = send(HttpRequest.newBuilder(URI.create(ORIGIN + "/filedock/api/shares/" + mine.getString("token")))
                .header("Origin", "https://evil.example").DELETE(), basic(USER, PASSWORD));
        assertEquals(403, forged.statusCode());
        assertEquals(200, get("/filedock/s/" + mine.getString("token"), null).statusCode());

        // the administrator may revoke anyone's
        assertEquals(204, revoke(mine.getString("token"), basic(ADMIN, ADMIN_PASSWORD)).statusCode());
        assertProblem(get("/filedock/s/" + mine.getString("token"), null), 404, "NOT_FOUND");
        assertEquals(204, revoke(theirs.getString("id"), basic(ADMIN, ADMIN_PASSWORD)).statusCode());
    }

    /** This server purges links as soon as they expired (purge-grace 0, every second: arquillian.xml). */
    @Test
    void anExpiredLinkIsPurgedAndALiveOneKept() throws Exception {
        String name = "purged-" + UUID.randomUUID() + ".txt";
        assertEquals(201, userFiles.put("/" + name, new byte[] {9}).statusCode());
        JsonObject brief = share("/" + name, basic(USER, PASSWORD), Instant.now().plusSeconds(2));
        JsonObject lasting = share("/" + name, basic(USER, PASSWORD));
        Await.until(() -> !text(get("/filedock/api/shares", basic(USER, PASSWORD))).contains(brief.getString("id")),
                "the expired link is purged", Duration.ofSeconds(30));
        assertProblem(get("/filedock/s/" + brief.getString("token"), null), 404, "NOT_FOUND");
        assertTrue(text(get("/filedock/api/shares", basic(USER, PASSWORD))).contains(lasting.getString("id")),
                "a link not expired stays");
        assertEquals(200, get("/filedock/s/" + lasting.getString("token"), null).statusCode());
    }

    @Test
    void theFileApiAndShareDownloadsAreAuditedWithTheUser() throws Exception {
        String dir = "/audit-" + UUID.randomUUID();
        assertEquals(201, userFiles.post(dir, "{\"op\":\"mkdir\"}").statusCode());
        assertEquals(201, userFiles.put(dir + "/f.txt", new byte[] {1, 2}).statusCode());
        assertEquals(200, userFiles.get(dir + "/f.txt").statusCode());
        JsonObject link = share(dir + "/f.txt", basic(USER, PASSWORD));
        assertEquals(200, get("/filedock/s/" + link.getString("token"), null).statusCode());
        assertEquals(200, userFiles.post(dir + "/f.txt", "{\"op\":\"move\",\"to\":\"/\"}").statusCode());
        assertEquals(204, userFiles.delete("/f.txt").statusCode());
        assertEquals(204, userFiles.delete(dir).statusCode());

        String query = "/filedock/api/audit?user=" + USER + "&limit=1000&since="
                + URLEncoder.encode(Instant.now().minusSeconds(600).toString(), StandardCharsets.UTF_8);
        assertEquals(403, get(query, basic(USER, PASSWORD)).statusCode(), "the audit trail is for administrators");
        List<String> expected = List.of("MKDIR " + dir + " OK", "UPLOAD " + dir + "/f.txt OK", "DOWNLOAD " + dir + "/f.txt OK",
                "DOWNLOAD " + dir + "/f.txt OK share:" + link.getString("id"), "MOVE " + dir + "/f.txt OK /",
                "DELETE /f.txt OK", "DELETE " + dir + " OK");
        Await.until(() -> entries(query).containsAll(expected), "the operations are in the audit trail");

        String transfers = "/filedock/api/transfers?direction=DOWNLOAD&path=" + URLEncoder.encode(dir + "/f.txt", StandardCharsets.UTF_8);
        Await.until(() -> json(get(transfers, basic(USER, PASSWORD))).getInt("total") == 2, "both downloads are stored");
        List<String> channels = new ArrayList<>();
        for (var item : json(get(transfers, basic(USER, PASSWORD))).getJsonArray("items")) {
            assertEquals(USER, item.asJsonObject().getString("user"), "a share download is the owner's");
            channels.add(item.asJsonObject().getString("channel"));
        }
        assertTrue(channels.containsAll(List.of("http", "share")), channels.toString());
    }

    private static List<String> entries(String query) throws Exception {
        List<String> seen = new ArrayList<>();
        for (var item : json(get(query, basic(ADMIN, ADMIN_PASSWORD))).getJsonArray("items")) {
            JsonObject e = item.asJsonObject();
            seen.add(e.getString("action") + " " + e.getString("path", null) + " " + e.getString("outcome")
                    + (e.isNull("target") ? "" : " " + e.getString("target")));
        }
        return seen;
    }
}
