package org.filedock.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts from the server's {@code GET /filedock/api/info}. */
final class ServerInfo {

    private static final Pattern OPEN_SESSIONS = Pattern.compile("\"openSessions\"\\s*:\\s*(\\d+)");

    private ServerInfo() {
    }

    static int openSessions() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ItConfig.httpPort() + "/filedock/api/info"))
                        .header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = OPEN_SESSIONS.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IOException("unexpected info reply " + response.statusCode() + ": " + response.body());
        }
        return Integer.parseInt(m.group(1));
    }
}
