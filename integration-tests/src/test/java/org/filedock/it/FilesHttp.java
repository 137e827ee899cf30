package org.filedock.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP file API ({@code /filedock/api/files}) as a plain client uses it. */
final class FilesHttp {

    private final HttpClient http;
    private final String base;
    private final String authorization;

    FilesHttp(HttpClient http, String origin, String authorization) {
        this.http = http;
        this.base = origin + "/filedock/api/files";
        this.authorization = authorization;
    }

    /** The suite's server over plain HTTP, without accounts. */
    static FilesHttp suiteServer() {
        return new FilesHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                "http://127.0.0.1:" + ItConfig.httpPort(), null);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request to {@code /filedock/api/files} + the path as given (already encoded). */
    HttpRequest.Builder request(String rawPath) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(Duration.ofSeconds(60));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String rawPath) throws IOException, InterruptedException {
        return send(request(rawPath).GET());
    }

    HttpResponse<byte[]> put(String rawPath, byte[] body) throws IOException, InterruptedException {
        return send(request(rawPath).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<byte[]> delete(String rawPath) throws IOException, InterruptedException {
        return send(request(rawPath).DELETE());
    }

    HttpResponse<byte[]> post(String rawPath, String json) throws IOException, InterruptedException {
        return send(request(rawPath).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static JsonObject json(HttpResponse<byte[]> response) {
        try (JsonReader reader = Json.createReader(new StringReader(text(response)))) {
            return reader.readObject();
        }
    }

    /** A problem body with this status and the protocol's code. */
    static JsonObject assertProblem(HttpResponse<byte[]> response, int status, String code) {
        assertEquals(status, response.statusCode(), text(response));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        JsonObject problem = json(response);
        assertEquals(status, problem.getInt("status"));
        assertEquals(code, problem.getString("code"), problem.toString());
        return problem;
    }
}
