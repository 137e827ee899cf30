package org.filedock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * USAGE and {@code GET /api/usage} without accounts (contract §13): the whole shared root, no quota
 * ({@code filedock.quota} unset: {@code unlimited}, {@code null}), following uploads and deletes;
 * setting a quota over HTTP is refused, as there is no administrator.
 */
class UsageIT extends SessionInOwnDirectory {

    UsageIT() {
        super("usage");
    }

    @Test
    void usageFollowsUploadsAndDeletesWithoutAQuota() throws Exception {
        long used = used();
        assertEquals(used, httpUsage().getJsonNumber("used").longValueExact(), "both doors count the same");
        assertEquals(JsonValue.NULL, httpUsage().get("quota"));

        client.upload("one.bin", new byte[1000]);
        client.upload("two.bin", new byte[234]);
        assertEquals("OK@" + (used + 1234) + " unlimited", client.call("USAGE"));
        client.upload("one.bin", new byte[10]);
        assertEquals("OK@" + (used + 244) + " unlimited", client.call("USAGE"), "the replaced file no longer counts");
        assertEquals("OK@Directory changed to /", client.call("CHDIR /"));
        assertEquals("OK@" + home.substring(1) + "/two.bin moved to " + home.substring(1) + "/..",
                client.call("MOVE " + home.substring(1) + "/two.bin " + home.substring(1) + "/.."));
        assertEquals("OK@File deleted", client.call("DELETE two.bin"));
        assertEquals("OK@File deleted", client.call("DELETE " + home.substring(1) + "/one.bin"));
        assertEquals("OK@" + used + " unlimited", client.call("USAGE"));
        assertEquals(used, httpUsage().getJsonNumber("used").longValueExact());
        assertEquals("ERR@BAD_REQUEST usage: USAGE", client.call("USAGE me"));
    }

    @Test
    void withoutAccountsNobodySetsAQuota() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ItConfig.httpPort() + "/filedock/api/users/alice/quota"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"quota\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("FORBIDDEN", json(refused.body()).getString("code"));
        assertEquals(JsonValue.NULL, httpUsage().get("quota"));
    }

    @Test
    void theCliShowsTheUsageForPeopleAsAOneShotCommandAndInAScript() throws Exception {
        long used = used();
        String expected = used < 1024 ? used + " B used (no quota)" : null;
        List<String> connect = List.of("--host", "127.0.0.1", "--port", Integer.toString(ItConfig.filedockPort()));
        List<String> oneShot = new java.util.ArrayList<>(connect);
        oneShot.add("usage");
        CliProcess.Result once = CliProcess.run(Files.createTempDirectory(ItConfig.workDirectory(), "cli-home"), oneShot, "");
        assertEquals(0, once.exitCode(), once.stderr());
        List<String> lines = once.stdout().lines().toList();
        assertEquals(3, lines.size(), once.stdout());
        assertTrue(lines.get(0).startsWith("Welcome to the server"), once.stdout());
        assertTrue(lines.get(1).matches("[0-9.]+ (B|KiB|MiB|GiB) used \\(no quota\\)"), once.stdout());
        if (expected != null) {
            assertEquals(expected, lines.get(1));
        }
        assertEquals("Goodbye", lines.get(2));
        CliProcess.Result script = CliProcess.run(Files.createTempDirectory(ItConfig.workDirectory(), "cli-home"),
                List.of("--host", "127.0.0.1", "--port", Integer.toString(ItConfig.filedockPort()), "-c", "USAGE"), "");
        assertEquals(0, script.exitCode(), script.stderr());
        assertTrue(script.stdout().contains(" used (no quota)"), script.stdout());
        CliProcess.Result unconnected = CliProcess.run(Files.createTempDirectory(ItConfig.workDirectory(), "cli-home"),
                List.of("usage"), "");
        assertEquals(1, unconnected.exitCode(), unconnected.stdout());
    }

    private long used() throws Exception {
        String reply = client.call("USAGE");
        assertTrue(reply.matches("OK@[0-9]+ unlimited"), reply);
        return Long.parseLong(reply.substring(3, reply.indexOf(' ')));
    }

    private static JsonObject httpUsage() throws Exception {
        return json(HistoryHttp.suiteServer().json("/filedock/api/usage").body());
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
