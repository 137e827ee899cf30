package org.filedock.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history's HTTP API as a client sees it: requests, JSON read field by field, polling until stored. */
final class HistoryHttp {

    record Reply(int status, String contentType, String body, HttpHeaders headers) {

        JsonObject object() {
            return (JsonObject) parse(body);
        }

        JsonArray array() {
            return (JsonArray) parse(body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    HistoryHttp(int httpPort) {
        this.base = "http://127.0.0.1:" + httpPort;
    }

    /** The server of the test suite. */
    static HistoryHttp suiteServer() {
        return new HistoryHttp(ItConfig.httpPort());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    Reply get(String pathAndQuery, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Accept", accept)
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response.headers());
    }

    /** A 200 with a JSON body. */
    Reply json(String pathAndQuery) throws IOException, InterruptedException {
        Reply reply = get(pathAndQuery, "application/json");
        assertEquals(200, reply.status(), pathAndQuery + ": " + reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        return reply;
    }

    /** {@code GET /filedock/api/transfers?path=<prefix>&limit=1000}: every finished transfer under a prefix. */
    JsonObject transfersUnder(String prefix) throws IOException, InterruptedException {
        return json("/filedock/api/transfers?limit=1000&path=" + encode(prefix)).object();
    }

    /** Polls until exactly {@code count} finished transfers under the prefix are stored; returns them, newest first. */
    JsonArray awaitTransfers(String prefix, int count) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            JsonObject page = transfersUnder(prefix);
            if (page.getInt("total") == count || Instant.now().isAfter(deadline)) {
                assertEquals(count, page.getInt("total"), "transfers stored under " + prefix + ": " + page);
                return page.getJsonArray("items");
            }
            Thread.sleep(50);
        }
    }

    private static JsonStructure parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }
}
