package org.filedock.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import static org.filedock.it.FilesHttp.assertProblem;
import static org.filedock.it.FilesHttp.json;
import static org.filedock.it.FilesHttp.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Share links (contract §14) without accounts: made over HTTP and with the socket's SHARE and the
 * CLI, fetched by a plain HTTP client with ranges and validators, listed, revoked, expired, with a
 * password and its guessing limit, in the rate history as {@code share} and in the audit trail.
 */
class SharesIT extends SessionInOwnDirectory {

    private static final String ORIGIN = "http://127.0.0.1:" + ItConfig.httpPort();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final FilesHttp files = FilesHttp.suiteServer();

    SharesIT() {
        super("shares");
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> createShare(String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ORIGIN + "/filedock/api/shares"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonObject share(String path, Instant expiresAt, String password) throws Exception {
        HttpResponse<byte[]> response = createShare("{\"path\":\"" + path + "\",\"expiresAt\":\"" + expiresAt + "\""
                + (password == null ? "" : ",\"password\":\"" + password + "\"") + "}");
        assertEquals(201, response.statusCode(), text(response));
        return json(response);
    }

    private HttpResponse<byte[]> fetch(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private HttpResponse<byte[]> list() throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ORIGIN + "/filedock/api/shares")).GET());
    }

    private HttpResponse<byte[]> revoke(String tokenOrId) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ORIGIN + "/filedock/api/shares/" + tokenOrId)).DELETE());
    }

    private static Instant inAnHour() {
        return Instant.now().plusSeconds(3600);
    }

    @Test
    void aLinkIsMadeFetchedByAnyoneListedWithoutItsTokenAndRevokedAtOnce() throws Exception {
        byte[] content = "shared with a colleague".getBytes(StandardCharsets.UTF_8);
        client.upload("a.txt", content);
        JsonObject created = share(home + "/a.txt", inAnHour(), null);
        String token = created.getString("token");
        String url = created.getString("url");
        assertTrue(Base64.getUrlDecoder().decode(token).length >= 16, "at least 128 bits: " + token);
        assertEquals(ORIGIN + "/filedock/s/" + token, url);
        assertTrue(Instant.parse(created.getString("expiresAt")).isAfter(Instant.now()));

        HttpResponse<byte[]> download = fetch(url);
        assertEquals(200, download.statusCode(), text(download));
        assertArrayEquals(content, download.body());
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains("a.txt"));

        String listing = text(list());
        assertTrue(listing.contains(created.getString("id")), listing);
        assertTrue(listing.contains(home + "/a.txt"), listing);
        assertFalse(listing.contains(token), "the token is not kept, so not listed");

        assertEquals(204, revoke(token).statusCode());
        assertProblem(fetch(url), 404, "NOT_FOUND");
        assertProblem(revoke(token), 404, "NOT_FOUND");
        assertFalse(text(list()).contains(created.getString("id")));
    }

    @Test
    void aLinkIsRevokedByItsIdAndUnknownTokensAreNotFound() throws Exception {
        client.upload("b.txt", new byte[] {1, 2, 3});
        JsonObject created = share(home + "/b.txt", inAnHour(), null);
        assertEquals(204, revoke(created.getString("id")).statusCode());
        assertProblem(fetch(created.getString("url")), 404, "NOT_FOUND");
        assertProblem(fetch(ORIGIN + "/filedock/s/" + "A".repeat(43)), 404, "NOT_FOUND");
        assertProblem(fetch(ORIGIN + "/filedock/s/not-a-token"), 404, "NOT_FOUND");
        assertProblem(fetch(ORIGIN + "/filedock/s/" + created.getString("id")), 404, "NOT_FOUND"); // the id grants nothing
    }

    @Test
    void onlyAFileThatExistsIsSharedAndBadRequestsChangeNothing() throws Exception {
        assertEquals("OK@dir created", client.call("MKDIR dir"));
        assertProblem(createShare("{\"path\":\"" + home + "/dir\",\"expiresAt\":\"" + inAnHour() + "\"}"), 409, "IS_A_DIRECTORY");
        assertProblem(createShare("{\"path\":\"" + home + "/none\",\"expiresAt\":\"" + inAnHour() + "\"}"), 404, "NOT_FOUND");
        assertProblem(createShare("{\"path\":\"/../etc/passwd\",\"expiresAt\":\"" + inAnHour() + "\"}"), 403, "FORBIDDEN");
        client.upload("c.txt", new byte[] {1});
        assertProblem(createShare("{\"path\":\"" + home + "/c.txt\",\"expiresAt\":\"" + Instant.now().minusSeconds(1) + "\"}"),
                400, "BAD_REQUEST");
        assertProblem(createShare("{\"path\":\"" + home + "/c.txt\",\"expiresAt\":\"tomorrow\"}"), 400, "BAD_REQUEST");
        assertProblem(createShare("{\"path\":\"" + home + "/c.txt\"}"), 400, "BAD_REQUEST");
        assertProblem(createShare("{\"path\":\"" + home + "/c.txt\",\"expiresAt\":\"" + inAnHour() + "\",\"password\":\"\"}"),
                400, "BAD_REQUEST");
        assertFalse(text(list()).contains(home + "/c.txt"), "no link was made");
    }

    @Test
    void anExpiredLinkIsGone() throws Exception {
        client.upload("soon.txt", new byte[] {7});
        JsonObject created = share(home + "/soon.txt", Instant.now().plusSeconds(2), null);
        String url = created.getString("url");
        int first = fetch(url).statusCode();
        assertTrue(first == 200 || first == 410, "served until it expires: " + first);
        Await.until(() -> fetch(url).statusCode() == 410, "the link expires", Duration.ofSeconds(30));
        HttpResponse<byte[]> gone = fetch(url);
        assertEquals(410, gone.statusCode());
        assertTrue(text(gone).contains("expired"), text(gone));
    }

    @Test
    void aSharedFileIsServedWithRangesAndValidatorsAndFollowsItsPath() throws Exception {
        client.upload("r.txt", "0123456789".getBytes(StandardCharsets.UTF_8));
        String url = share(home + "/r.txt", inAnHour(), null).getString("url");
        HttpResponse<byte[]> part = fetch(url, "Range", "bytes=2-5");
        assertEquals(206, part.statusCode());
        assertEquals("2345", text(part));
        assertEquals("bytes 2-5/10", part.headers().firstValue("Content-Range").orElse(""));
        assertEquals(416, fetch(url, "Range", "bytes=20-30").statusCode());
        String etag = fetch(url).headers().firstValue("ETag").orElseThrow();
        assertEquals(304, fetch(url, "If-None-Match", etag).statusCode());

        client.upload("r.txt", "new".getBytes(StandardCharsets.UTF_8)); // replaced: the link serves the new version
        assertEquals("new", text(fetch(url)));
        assertEquals("OK@other created", client.call("MKDIR other"));
        assertEquals("OK@r.txt moved to other", client.call("MOVE r.txt other"));
        assertProblem(fetch(url), 404, "NOT_FOUND"); // moved away: nothing at the link's path
    }

    @Test
    void aFileBeingUploadedIsBusyForALink() throws Exception {
        client.upload("u.txt", new byte[] {1});
        String url = share(home + "/u.txt", inAnHour(), null).getString("url");
        assertEquals("OK@Ready", client.call("UPLOAD u.txt 10"));
        client.sendRaw(new byte[] {1, 2, 3});
        assertProblem(fetch(url), 423, "BUSY");
        client.sendRaw(new byte[7]);
        assertEquals("OK@File uploaded", client.line());
        assertEquals(200, fetch(url).statusCode());
    }

    @Test
    void aShareDownloadIsInTheHistoryAsShareAndInTheAuditTrailWithItsLink() throws Exception {
        client.upload("h.txt", new byte[] {4, 5, 6});
        JsonObject created = share(home + "/h.txt", inAnHour(), null);
        assertEquals(200, fetch(created.getString("url")).statusCode());
        String path = URLEncoder.encode(home + "/h.txt", StandardCharsets.UTF_8);
        String transfers = ORIGIN + "/filedock/api/transfers?direction=DOWNLOAD&path=" + path;
        Await.until(() -> json(fetch(transfers)).getInt("total") == 1, "the share download is stored");
        JsonObject transfer = json(fetch(transfers)).getJsonArray("items").getJsonObject(0);
        assertEquals("share", transfer.getString("channel"));
        assertEquals(3, transfer.getJsonNumber("bytesMoved").longValue());

        String audit = ORIGIN + "/filedock/api/audit?action=DOWNLOAD&path=" + path;
        Await.until(() -> json(fetch(audit)).getInt("total") == 1, "the share download is audited");
        JsonObject entry = json(fetch(audit)).getJsonArray("items").getJsonObject(0);
        assertEquals("share:" + created.getString("id"), entry.getString("target"));
        assertEquals("OK", entry.getString("outcome"));
    }

    @Test
    void makingAndRevokingALinkAreInTheAuditTrailWithoutItsToken() throws Exception {
        client.upload("audited.txt", new byte[] {8});
        Instant expiry = inAnHour();
        JsonObject created = share(home + "/audited.txt", expiry, null);
        String id = created.getString("id");
        assertProblem(createShare("{\"path\":\"" + home + "/absent.txt\",\"expiresAt\":\"" + expiry + "\"}"),
                404, "NOT_FOUND");
        assertTrue(client.call("SHARE audited.txt 60").startsWith("OK@"));
        assertEquals(204, revoke(created.getString("token")).statusCode());

        String audit = ORIGIN + "/filedock/api/audit?path=" + URLEncoder.encode(home, StandardCharsets.UTF_8);
        Await.until(() -> json(fetch(audit)).getInt("total") >= 5, "the links are audited");
        String trail = text(fetch(audit));
        assertFalse(trail.contains(created.getString("token")), "never the token: " + trail);
        List<String> seen = new ArrayList<>();
        for (var item : json(fetch(audit)).getJsonArray("items")) {
            JsonObject e = item.asJsonObject();
            seen.add(e.getString("action") + " " + e.getString("path", null) + " " + e.getString("outcome")
                    + (e.isNull("target") ? "" : " -> " + e.getString("target")));
        }
        String until = " until " + Instant.parse(created.getString("expiresAt"));
        assertTrue(seen.contains("SHARED " + home + "/audited.txt OK -> share:" + id + until), seen.toString());
        assertTrue(seen.contains("SHARED " + home + "/absent.txt NOT_FOUND"), seen.toString());
        assertTrue(seen.contains("UNSHARED " + home + "/audited.txt OK -> share:" + id), seen.toString());
        assertEquals(2, seen.stream().filter(s -> s.startsWith("SHARED " + home + "/audited.txt OK")).count(),
                "the socket's SHARE too: " + seen);
        assertEquals(3, json(fetch(audit + "&action=SHARED")).getInt("total"), "filtered by action");
    }

    @Test
    void theFileApisOperationsAreInTheAuditTrail() throws Exception {
        String dir = home + "/audited";
        assertEquals(201, files.post(FilesHttpIT.enc(dir), "{\"op\":\"mkdir\"}").statusCode());
        assertEquals(201, files.put(FilesHttpIT.enc(dir + "/f.txt"), new byte[] {1}).statusCode());
        assertEquals(200, files.get(FilesHttpIT.enc(dir + "/f.txt")).statusCode());
        assertEquals(200, files.post(FilesHttpIT.enc(dir + "/f.txt"), "{\"op\":\"move\",\"to\":\"" + home + "\"}").statusCode());
        assertProblem(files.delete(FilesHttpIT.enc(dir + "/missing")), 404, "NOT_FOUND");
        assertEquals(204, files.delete(FilesHttpIT.enc(home + "/f.txt")).statusCode());
        assertEquals(204, files.delete(FilesHttpIT.enc(dir)).statusCode());
        String audit = ORIGIN + "/filedock/api/audit?path=" + URLEncoder.encode(home, StandardCharsets.UTF_8);
        Await.until(() -> json(fetch(audit)).getInt("total") >= 7, "the HTTP operations are audited");
        List<String> seen = new ArrayList<>();
        for (var item : json(fetch(audit)).getJsonArray("items")) {
            JsonObject e = item.asJsonObject();
            seen.add(e.getString("action") + " " + e.getString("path", null) + " " + e.getString("outcome")
                    + (e.isNull("target") ? "" : " -> " + e.getString("target")));
        }
        for (String expected : List.of("MKDIR " + dir + " OK", "UPLOAD " + dir + "/f.txt OK", "DOWNLOAD " + dir + "/f.txt OK",
                "MOVE " + dir + "/f.txt OK -> " + home, "DELETE " + dir + "/missing NOT_FOUND", "DELETE " + home + "/f.txt OK",
                "DELETE " + dir + " OK")) {
            assertTrue(seen.contains(expected), expected + " in " + seen);
        }
    }

    @Test
    void theSocketsShareMakesALinkAPlainClientFetches() throws Exception {
        client.upload("s.txt", "over the socket".getBytes(StandardCharsets.UTF_8));
        String reply = client.call("SHARE s.txt 3600");
        assertTrue(reply.matches("OK@http://127\\.0\\.0\\.1:" + ItConfig.httpPort() + "/filedock/s/[A-Za-z0-9_-]{43} \\S+Z"), reply);
        String url = reply.substring(3, reply.indexOf(' '));
        assertEquals("over the socket", text(fetch(url)));
        assertTrue(client.call("SHARE s.txt 0").startsWith("ERR@BAD_REQUEST"));
        assertTrue(client.call("SHARE s.txt").startsWith("ERR@BAD_REQUEST"));
        assertTrue(client.call("SHARE . 60").startsWith("ERR@IS_A_DIRECTORY"));
        assertTrue(client.call("SHARE missing 60").startsWith("ERR@NOT_FOUND"));
    }

    @Test
    void theCliPrintsTheLink() throws Exception {
        client.upload("cli.txt", "from the cli".getBytes(StandardCharsets.UTF_8));
        CliProcess.Result result = CliProcess.run(Files.createTempDirectory(ItConfig.workDirectory(), "cli-home"),
                List.of("--host", "127.0.0.1", "--port", String.valueOf(ItConfig.filedockPort())),
                "SHARE " + home + "/cli.txt --expires 2h\nSHARE " + home + "/cli.txt --password\n");
        List<String> lines = result.stdout().lines().map(String::strip).toList();
        int at = lines.indexOf(lines.stream().filter(line -> line.startsWith(ORIGIN + "/filedock/s/")).findFirst()
                .orElseThrow(() -> new AssertionError("no link in " + result.stdout())));
        String link = lines.get(at);
        assertTrue(lines.get(at + 1).startsWith("expires "), result.stdout());
        Instant expires = Instant.parse(lines.get(at + 1).substring("expires ".length()));
        assertTrue(expires.isAfter(Instant.now().plusSeconds(7000)) && expires.isBefore(Instant.now().plusSeconds(7300)),
                expires.toString());
        assertEquals("from the cli", text(fetch(link)));
        assertTrue(result.stderr().contains("--password asks for the link's password at the terminal"), result.stderr());
        assertEquals(1, result.exitCode(), "the second SHARE failed");
    }

    @Test
    void tokensAreDistinct() throws Exception {
        client.upload("t.txt", new byte[] {1});
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            assertTrue(tokens.add(share(home + "/t.txt", inAnHour(), null).getString("token")));
        }
    }

    /** The only test here with passwords: its end locks this address out of password links for the cool-off. */
    @Test
    void aPasswordLinkAsksWithBasicAndLimitsGuessing() throws Exception {
        client.upload("p.txt", "secret".getBytes(StandardCharsets.UTF_8));
        String url = share(home + "/p.txt", inAnHour(), "open sesame").getString("url");
        HttpResponse<byte[]> asked = fetch(url);
        assertEquals(401, asked.statusCode());
        assertTrue(asked.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "));
        assertEquals(401, fetch(url, "Authorization", FilesHttp.basic("x", "wrong")).statusCode());
        HttpResponse<byte[]> right = fetch(url, "Authorization", FilesHttp.basic("anyone", "open sesame"));
        assertEquals(200, right.statusCode());
        assertEquals("secret", text(right));
        HttpResponse<byte[]> emptyUser = fetch(url, "Authorization", FilesHttp.basic("", "open sesame"), "Range", "bytes=0-0");
        assertEquals(206, emptyUser.statusCode());
        assertEquals("s", text(emptyUser));

        int guesses = 0;
        while (fetch(url, "Authorization", FilesHttp.basic("x", "open sesame")).statusCode() == 200) {
            assertEquals(401, fetch(url, "Authorization", FilesHttp.basic("x", "guess " + guesses)).statusCode());
            guesses++;
            assertTrue(guesses <= 25, "the guessing limit stops guesses");
        }
        assertTrue(guesses >= 2, "a few guesses are allowed: " + guesses);
        assertEquals(401, fetch(url, "Authorization", FilesHttp.basic("x", "open sesame")).statusCode(),
                "locked: even the right password is refused for the cool-off");
    }
}
