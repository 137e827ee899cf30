package org.filedock.it;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.filedock.protocol.Request;
import org.junit.jupiter.api.Test;

import static org.filedock.it.HistoryHttp.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail over the real socket and {@code /api/audit}: what a session did, with the paths
 * as it saw them and the outcomes, errors included; the filters, paging, CSV; and the user field
 * of entries and transfers, null without accounts. Named History* so that {@code .ci/postgres.sh}
 * runs it against PostgreSQL too.
 */
class HistoryAuditIT extends SessionInOwnDirectory {

    private static final String AUDIT = "/filedock/api/audit";

    private final HistoryHttp api = HistoryHttp.suiteServer();

    HistoryAuditIT() {
        super("audit");
    }

    /** Runs a session's worth of commands; returns what the trail must say of them, oldest first. */
    private List<String> someCommands() throws IOException {
        assertEquals("OK@sub created", client.call("MKDIR sub"));
        client.upload("sub/a.txt", new byte[3]);
        assertEquals(3, client.download("./sub/../sub/a.txt").length);
        assertEquals("OK@other created", client.call("MKDIR other"));
        assertEquals("OK@sub/a.txt moved to other", client.call("MOVE sub/a.txt other"));
        assertTrue(client.call("DELETE missing.txt").startsWith("ERR@NOT_FOUND"));
        assertTrue(client.call("RMDIR other").startsWith("ERR@NOT_EMPTY"));
        assertTrue(client.call("DELETE ../../escape").startsWith("ERR@FORBIDDEN"));
        assertEquals("OK@0", client.call("DIR sub")); // not recorded, as PWD and CHDIR are not
        assertEquals("OK@File deleted", client.call("DELETE other/a.txt"));
        assertEquals("OK@sub deleted", client.call("RMDIR sub"));
        return List.of(
                "MKDIR " + home + "/sub OK",
                "UPLOAD " + home + "/sub/a.txt OK",
                "DOWNLOAD " + home + "/sub/a.txt OK",
                "MKDIR " + home + "/other OK",
                "MOVE " + home + "/sub/a.txt -> " + home + "/other OK",
                "DELETE " + home + "/missing.txt NOT_FOUND",
                "RMDIR " + home + "/other NOT_EMPTY",
                "DELETE ../../escape FORBIDDEN",
                "DELETE " + home + "/other/a.txt OK",
                "RMDIR " + home + "/sub OK");
    }

    @Test
    void whatASessionDidIsListedNewestFirstWithPathsAsItSawThemAndOutcomes() throws Exception {
        Instant since = Instant.now();
        List<String> newestFirst = new ArrayList<>(someCommands());
        Collections.reverse(newestFirst);
        List<JsonObject> entries = awaitEntriesOfThisSession(since, newestFirst.size());
        assertEquals(newestFirst, entries.stream().map(HistoryAuditIT::line).toList());
        for (JsonObject e : entries) {
            assertEquals(JsonValue.NULL, e.get("user"), "no accounts, no user: " + e);
            assertTrue(e.containsKey("target"), e.toString());
        }
        for (int i = 1; i < entries.size(); i++) {
            Instant newer = Instant.parse(entries.get(i - 1).getString("time"));
            assertFalse(newer.isBefore(Instant.parse(entries.get(i).getString("time"))), "newest first");
        }
    }

    @Test
    void theFiltersCombineAndPagesCoverEverythingOnce() throws Exception {
        Instant since = Instant.now();
        someCommands();
        awaitEntriesOfThisSession(since, 10);
        // the path prefix matches a MOVE's target too
        assertEquals(List.of("DELETE " + home + "/other/a.txt OK", "RMDIR " + home + "/other NOT_EMPTY",
                        "MOVE " + home + "/sub/a.txt -> " + home + "/other OK", "MKDIR " + home + "/other OK"),
                lines("path=" + encode(home + "/other")));
        assertEquals(List.of("DELETE " + home + "/other/a.txt OK", "DELETE " + home + "/missing.txt NOT_FOUND"),
                lines("action=delete&path=" + encode(home + "/")));
        assertEquals(0, page("user=nobody&path=" + encode(home)).getInt("total"));
        JsonObject all = page("path=" + encode(home + "/") + "&since=" + since);
        assertEquals(9, all.getInt("total"));
        Instant middle = Instant.parse(all.getJsonArray("items").getJsonObject(4).getString("time"));
        int before = page("path=" + encode(home + "/") + "&until=" + middle).getInt("total");
        int after = page("path=" + encode(home + "/") + "&since=" + middle).getInt("total");
        assertEquals(9, before + after);
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 9; offset += 4) {
            JsonObject page = page("path=" + encode(home + "/") + "&limit=4&offset=" + offset);
            assertEquals(4, page.getInt("limit"));
            assertEquals(offset, page.getInt("offset"));
            assertEquals(9, page.getInt("total"));
            page.getJsonArray("items").forEach(e -> paged.add(line((JsonObject) e)));
        }
        assertEquals(all.getJsonArray("items").stream().map(e -> line((JsonObject) e)).toList(), paged);
    }

    @Test
    void aLoginIsRecordedWithTheNameTriedAndNeverThePassword() throws Exception {
        Instant since = Instant.now();
        String reply = client.call("LOGIN mallory Pw-" + home.substring(1));
        assertTrue(reply.startsWith("ERR@"), reply);
        String code = reply.substring(4).split(" ")[0];
        List<JsonObject> entries = awaitEntriesOfThisSession(since, 1);
        assertEquals("LOGIN", entries.get(0).getString("action"));
        assertEquals("mallory", entries.get(0).getString("user"));
        assertEquals(code, entries.get(0).getString("outcome"));
        assertEquals(JsonValue.NULL, entries.get(0).get("path"));
        String everything = api.json(AUDIT + "?user=mallory&limit=1000").body()
                + api.get(AUDIT + "?user=mallory&limit=1000", "text/csv").body();
        assertFalse(everything.contains("Pw-" + home.substring(1)), "the password is never recorded");
    }

    @Test
    void theCsvIsRfc4180WithTheTotalInAHeader() throws Exception {
        String name = "a, \"b\".txt";
        assertEquals("OK@Ready", client.call(Request.of("UPLOAD", name, "1").toLine()));
        client.sendRaw(new byte[1]);
        assertEquals("OK@File uploaded", client.line());
        awaitTotal("path=" + encode(home + "/"), 1);
        HistoryHttp.Reply csv = api.get(AUDIT + "?path=" + encode(home), "text/csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertEquals("2", csv.headers().firstValue("X-Total-Count").orElseThrow());
        String[] lines = csv.body().split("\r\n", -1);
        assertEquals(4, lines.length, csv.body());
        assertEquals("time,user,client_address,action,path,target,outcome", lines[0]);
        String upload = lines[1];
        assertTrue(upload.endsWith(",," + client.localAddress() + ",UPLOAD,\"" + home + "/a, \"\"b\"\".txt\",,OK"),
                upload);
        assertTrue(lines[2].endsWith(",MKDIR," + home + ",,OK"), lines[2]);
        assertEquals("", lines[3]);
    }

    @Test
    void transfersCarryAUserFieldAndCanBeFilteredByIt() throws Exception {
        client.upload("t.bin", new byte[10]);
        JsonObject transfer = api.awaitTransfers(home + "/", 1).getJsonObject(0);
        assertEquals(JsonValue.NULL, transfer.get("user"), transfer.toString());
        JsonObject detail = api.json("/filedock/api/transfers/" + transfer.getString("id")).object();
        assertEquals(JsonValue.NULL, detail.get("user"), detail.toString());
        assertEquals(0, api.json("/filedock/api/transfers?user=nobody&path=" + encode(home + "/")).object()
                .getInt("total"));
        JsonObject stats = api.json("/filedock/api/stats?user=nobody").object();
        assertEquals(0, stats.getJsonArray("directions").getJsonObject(0).getInt("count"));
    }

    @Test
    void badParametersAre400ProblemsThatNameThem() throws Exception {
        for (String[] c : new String[][] {
                {"action=FLY", "action must be one of LOGIN, UPLOAD, DOWNLOAD, DELETE, MOVE, MKDIR, RMDIR, SHARED, UNSHARED, not 'FLY'"},
                {"limit=0", "limit must be between 1 and 1000, not 0"},
                {"since=yesterday", "since must be an ISO-8601 instant such as 2026-11-25T21:00:00Z"
                        + " (a '+' offset written %2B), not 'yesterday'"}}) {
            for (String accept : List.of("application/json", "text/csv")) {
                HistoryHttp.Reply reply = api.get(AUDIT + "?" + c[0], accept);
                assertEquals(400, reply.status(), c[0]);
                assertEquals("application/problem+json", reply.contentType());
                assertEquals(c[1], reply.object().getString("detail"));
            }
        }
    }

    @Test
    void theOpenApiDocumentListsTheAuditTrail() throws Exception {
        HistoryHttp.Reply doc = api.get("/openapi", "application/yaml");
        assertTrue(doc.body().contains("\n  /filedock/api/audit:\n"), doc.body());
        assertTrue(doc.body().contains("\n    AuditPage:\n"), doc.body());
    }

    /** action path [-> target] outcome */
    private static String line(JsonObject e) {
        String path = e.isNull("path") ? "null" : e.getString("path");
        String target = e.isNull("target") ? "" : " -> " + e.getString("target");
        return e.getString("action") + " " + path + target + " " + e.getString("outcome");
    }

    private JsonObject page(String query) throws IOException, InterruptedException {
        return api.json(AUDIT + "?" + query).object();
    }

    private List<String> lines(String query) throws IOException, InterruptedException {
        JsonObject page = page(query);
        List<String> lines = page.getJsonArray("items").stream().map(e -> line((JsonObject) e)).toList();
        assertEquals(lines.size(), page.getInt("total"));
        return lines;
    }

    private void awaitTotal(String query, int total) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (page(query).getInt("total") < total && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertEquals(total, page(query).getInt("total"), query);
    }

    /** Polls until {@code count} entries since then came from this session's address; returns them, newest first. */
    private List<JsonObject> awaitEntriesOfThisSession(Instant since, int count) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            List<JsonObject> mine = page("limit=1000&since=" + since).getJsonArray("items").stream()
                    .map(JsonObject.class::cast)
                    .filter(e -> e.getString("clientAddress").equals(client.localAddress()))
                    .toList();
            if (mine.size() >= count || Instant.now().isAfter(deadline)) {
                assertEquals(count, mine.size(), "entries of this session: " + mine);
                return mine;
            }
            Thread.sleep(50);
        }
    }
}
