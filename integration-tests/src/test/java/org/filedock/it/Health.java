package org.filedock.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/** The server's MicroProfile Health endpoints on its management port. */
final class Health {

    private static final Pattern FILEDOCK_UP = Pattern.compile("(?s).*\"name\"\\s*:\\s*\"filedock\"\\s*,\\s*\"status\"\\s*:\\s*\"UP\".*");
    private static final Pattern FILEDOCK_DOWN = Pattern.compile("(?s).*\"name\"\\s*:\\s*\"filedock\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\".*");

    private Health() {
    }

    /** {@code /health/ready}'s body; 200 when ready, 503 when not. */
    static String readiness() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ItConfig.managementPort() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 503) {
            throw new IOException("/health/ready answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static boolean fileDockUp(String readiness) {
        return FILEDOCK_UP.matcher(readiness).matches();
    }

    static boolean fileDockDown(String readiness) {
        return FILEDOCK_DOWN.matcher(readiness).matches();
    }
}
