package org.filedock.it;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.filedock.it.HistoryHttp.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history's HTTP semantics: filters, paging, stats, problem bodies for bad input, the OpenAPI document. */
@ExtendWith(ArquillianExtension.class)
class HistoryApiIT {

    private static final String TRANSFERS = "/filedock/api/transfers";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    private final HistoryHttp api = HistoryHttp.suiteServer();

    /** Six transfers in a directory of their own: three uploads, one cut off, two downloads. */
    private record Fixture(String home, Instant before, Instant after, JsonArray all) {
    }

    private Fixture sixTransfers() throws Exception {
        String home = "/api-" + UUID.randomUUID();
        Instant before = Instant.now();
        try (WireClient client = WireClient.connect()) {
            client.call("MKDIR " + home);
            client.call("CHDIR " + home);
            client.call("MKDIR sub");
            client.upload("a.txt", new byte[100]);
            client.upload("b_1%.txt", new byte[200]);
            client.upload("sub/c.txt", new byte[300]);
            assertEquals(100, client.download("a.txt").length);
            assertEquals(300, client.download("sub/c.txt").length);
            try (WireClient cut = WireClient.connect()) {
                cut.call("CHDIR " + home);
                assertEquals("OK@Ready", cut.call("UPLOAD cut.bin 5000"));
                cut.sendRaw(new byte[10]);
            }
        }
        JsonArray all = api.awaitTransfers(home + "/", 6);
        return new Fixture(home, before, Instant.now().plusSeconds(1), all);
    }

    @Test
    void filtersCombineAndPathIsAPlainPrefix() throws Exception {
        Fixture f = sixTransfers();
        String home = encode(f.home());
        assertEquals(List.of("/sub/c.txt", "/a.txt"), paths(f, "&direction=DOWNLOAD"));
        assertEquals(List.of("/cut.bin"), paths(f, "&outcome=ABORTED"));
        assertEquals(List.of("/sub/c.txt", "/b_1%.txt", "/a.txt"), paths(f, "&direction=upload&outcome=COMPLETED"));
        assertEquals(List.of("/sub/c.txt", "/sub/c.txt"), paths(f, "", f.home() + "/sub/"));
        assertEquals(List.of("/b_1%.txt"), paths(f, "", f.home() + "/b_1%"), "% and _ are not wildcards");
        assertEquals(List.of(), paths(f, "", f.home() + "/b_1_"));
        assertEquals(List.of(), paths(f, "&outcome=FAILED"));
        assertEquals(0, api.json(TRANSFERS + "?path=" + home + "%2Fnothing").object().getInt("total"));
    }

    @Test
    void pagesAreNewestFirstAndCoverEverythingOnce() throws Exception {
        Fixture f = sixTransfers();
        List<Instant> starts = new ArrayList<>();
        List<JsonValue> paged = new ArrayList<>();
        for (int offset = 0; offset < 8; offset += 4) {
            JsonObject page = api.json(TRANSFERS + "?limit=4&offset=" + offset + "&path=" + encode(f.home())).object();
            assertEquals(4, page.getInt("limit"));
            assertEquals(offset, page.getInt("offset"));
            assertEquals(6, page.getInt("total"));
            paged.addAll(page.getJsonArray("items"));
        }
        assertEquals(f.all(), paged);
        for (JsonValue t : paged) {
            starts.add(Instant.parse(((JsonObject) t).getString("startedAt")));
        }
        for (int i = 1; i < starts.size(); i++) {
            assertFalse(starts.get(i).isAfter(starts.get(i - 1)), "newest first: " + starts);
        }
        JsonObject defaults = api.json(TRANSFERS).object();
        assertEquals(50, defaults.getInt("limit"));
        assertEquals(0, defaults.getInt("offset"));
        assertTrue(defaults.getJsonArray("items").size() <= 50);
        JsonObject beyond = api.json(TRANSFERS + "?offset=6&path=" + encode(f.home())).object();
        assertEquals(List.of(), beyond.getJsonArray("items"));
        assertEquals(6, beyond.getInt("total"));
    }

    @Test
    void sinceAndUntilSelectByStartTime() throws Exception {
        Fixture f = sixTransfers();
        String third = ((JsonObject) f.all().get(2)).getString("startedAt");
        String home = encode(f.home());
        JsonObject fromThird = api.json(TRANSFERS + "?path=" + home + "&since=" + encode(third)).object();
        assertEquals(f.all().subList(0, 3), fromThird.getJsonArray("items"));
        JsonObject beforeThird = api.json(TRANSFERS + "?path=" + home + "&until=" + encode(third)).object();
        assertEquals(f.all().subList(3, 6), beforeThird.getJsonArray("items"));
        JsonObject offsetForm = api.json(TRANSFERS + "?path=" + home + "&since="
                + encode(f.before().atOffset(java.time.ZoneOffset.ofHours(2)).toString())).object();
        assertEquals(6, offsetForm.getInt("total"), "an instant with an offset");
    }

    @Test
    void statsPerDirectionOverAWindow() throws Exception {
        Fixture f = sixTransfers();
        JsonObject stats = api.json("/filedock/api/stats?since=" + encode(f.before().toString())
                + "&until=" + encode(f.after().toString())).object();
        assertEquals(f.before(), Instant.parse(stats.getString("since")));
        assertEquals(f.after(), Instant.parse(stats.getString("until")));
        JsonArray directions = stats.getJsonArray("directions");
        assertEquals(2, directions.size());
        JsonObject uploads = directions.getJsonObject(0);
        JsonObject downloads = directions.getJsonObject(1);
        assertEquals("UPLOAD", uploads.getString("direction"));
        assertEquals(4, uploads.getInt("count"));
        assertEquals(100 + 200 + 300 + 10, uploads.getJsonNumber("bytes").longValue());
        assertEquals(1, uploads.getInt("aborted"));
        assertRates(uploads, completedRates(f, "UPLOAD"));
        assertEquals("DOWNLOAD", downloads.getString("direction"));
        assertEquals(2, downloads.getInt("count"));
        assertEquals(400, downloads.getJsonNumber("bytes").longValue());
        assertEquals(0, downloads.getInt("aborted"));
        assertRates(downloads, completedRates(f, "DOWNLOAD"));
    }

    @Test
    void statsOfAnEmptyWindowAreZerosAndTheDefaultWindowIsADay() throws Exception {
        JsonObject empty = api.json("/filedock/api/stats?since=2000-01-01T00:00:00Z&until=2000-01-02T00:00:00Z")
                .object();
        for (int i = 0; i < 2; i++) {
            JsonObject d = empty.getJsonArray("directions").getJsonObject(i);
            assertEquals(i == 0 ? "UPLOAD" : "DOWNLOAD", d.getString("direction"));
            for (String field : List.of("count", "bytes", "meanRate", "medianRate", "p95Rate", "aborted")) {
                assertEquals(0.0, d.getJsonNumber(field).doubleValue(), field);
            }
        }
        JsonObject lastDay = api.json("/filedock/api/stats").object();
        Instant since = Instant.parse(lastDay.getString("since"));
        Instant until = Instant.parse(lastDay.getString("until"));
        assertEquals(86_400, until.getEpochSecond() - since.getEpochSecond());
        assertTrue(Math.abs(until.toEpochMilli() - System.currentTimeMillis()) < 60_000, until.toString());
    }

    @Test
    void anUnknownIdIs404WithAProblemBody() throws Exception {
        String unknown = UUID.randomUUID().toString();
        assertProblem(404, TRANSFERS + "/" + unknown, "no finished transfer has the id '" + unknown + "'");
        assertProblem(404, TRANSFERS + "/" + unknown + "/samples", "no finished transfer has the id '" + unknown + "'");
        assertProblem(404, TRANSFERS + "/not-a-uuid", "no finished transfer has the id 'not-a-uuid'");
        assertProblem(404, "/filedock/api/nothing-here", "no resource at /filedock/api/nothing-here");
        HistoryHttp.Reply csv = api.get(TRANSFERS + "/" + unknown + "/samples", "text/csv");
        assertEquals(404, csv.status());
        assertEquals("application/problem+json", csv.contentType());
    }

    @Test
    void badParametersAre400WithAProblemBodyThatNamesThem() throws Exception {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("limit=0", "limit must be between 1 and 1000, not 0"),
                Map.entry("limit=1001", "limit must be between 1 and 1000, not 1001"),
                Map.entry("limit=ten", "limit must be a whole number, not 'ten'"),
                Map.entry("offset=-1", "offset must be between 0 and 2^31-1, not -1"),
                Map.entry("direction=SIDEWAYS", "direction must be one of UPLOAD, DOWNLOAD, not 'SIDEWAYS'"),
                Map.entry("outcome=LOST", "outcome must be one of COMPLETED, ABORTED, FAILED, not 'LOST'"),
                Map.entry("since=yesterday", "since must be an ISO-8601 instant such as 2026-11-25T21:00:00Z"
                        + " (a '+' offset written %2B), not 'yesterday'"),
                Map.entry("since=2026-11-25T21:00:00Z&until=2026-11-25T20:00:00Z",
                        "since (2026-11-25T21:00:00Z) must be before until (2026-11-25T20:00:00Z)"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertProblem(400, TRANSFERS + "?" + c.getKey().replace("%", "%25"), c.getValue());
        }
        assertProblem(400, "/filedock/api/stats?until=soon", "until must be an ISO-8601 instant such as"
                + " 2026-11-25T21:00:00Z (a '+' offset written %2B), not 'soon'");
        assertProblem(400, "/filedock/api/stats?since=2026-11-25T21:00:00Z&until=2026-11-25T21:00:00Z",
                "since (2026-11-25T21:00:00Z) must be before until (2026-11-25T21:00:00Z)");
    }

    @Test
    void theOpenApiDocumentListsTheHistory() throws Exception {
        HistoryHttp.Reply doc = api.get("/openapi", "application/yaml");
        assertEquals(200, doc.status());
        for (String path : List.of("/filedock/api/transfers:", "/filedock/api/transfers/live:",
                "/filedock/api/transfers/{id}:", "/filedock/api/transfers/{id}/samples:", "/filedock/api/stats:")) {
            assertTrue(doc.body().contains("\n  " + path + "\n"), path + " in\n" + doc.body());
        }
        for (String schema : List.of("TransferPage:", "TransferDetail:", "RateSample:", "LiveTransfer:",
                "TransferStats:", "Problem:")) {
            assertTrue(doc.body().contains("\n    " + schema + "\n"), schema);
        }
    }

    private void assertProblem(int status, String pathAndQuery, String detail)
            throws IOException, InterruptedException {
        HistoryHttp.Reply reply = api.get(pathAndQuery, "application/json");
        assertEquals(status, reply.status(), pathAndQuery + ": " + reply.body());
        assertEquals("application/problem+json", reply.contentType(), pathAndQuery);
        JsonObject problem = reply.object();
        assertEquals(status, problem.getInt("status"));
        assertEquals(status == 404 ? "Not Found" : "Bad Request", problem.getString("title"));
        assertEquals(detail, problem.getString("detail"), pathAndQuery);
        assertEquals(3, problem.size(), reply.body());
    }

    /** The paths, relative to the fixture's directory, of the transfers matching the extra parameters. */
    private List<String> paths(Fixture f, String parameters) throws IOException, InterruptedException {
        return paths(f, parameters, f.home() + "/");
    }

    private List<String> paths(Fixture f, String parameters, String prefix) throws IOException, InterruptedException {
        JsonObject page = api.json(TRANSFERS + "?path=" + encode(prefix) + parameters).object();
        List<String> paths = page.getJsonArray("items").stream()
                .map(t -> ((JsonObject) t).getString("path").substring(f.home().length()))
                .toList();
        assertEquals(paths.size(), page.getInt("total"));
        return paths;
    }

    private static double[] completedRates(Fixture f, String direction) {
        return f.all().stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("direction").equals(direction) && t.getString("outcome").equals("COMPLETED"))
                .mapToDouble(t -> t.getJsonNumber("meanRate").doubleValue())
                .sorted()
                .toArray();
    }

    /** mean, median and nearest-rank 95th percentile of the given (sorted) rates. */
    private static void assertRates(JsonObject stats, double[] sorted) {
        int n = sorted.length;
        double mean = Arrays.stream(sorted).sum() / n;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double p95 = sorted[(int) Math.ceil(0.95 * n) - 1];
        assertEquals(mean, stats.getJsonNumber("meanRate").doubleValue(), mean * 1e-9);
        assertEquals(median, stats.getJsonNumber("medianRate").doubleValue(), median * 1e-9);
        assertEquals(p95, stats.getJsonNumber("p95Rate").doubleValue(), p95 * 1e-9);
    }
}
