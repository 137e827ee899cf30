package org.filedock.cli.client;

import java.time.Duration;
import java.util.Objects;

/** How long to wait for the TCP connection and for each reply (or payload chunk) from the server. */
public record ConnectionSettings(Duration connectTimeout, Duration readTimeout) {

    public static final ConnectionSettings DEFAULT = new ConnectionSettings(Duration.ofSeconds(10), Duration.ofSeconds(30));

    public ConnectionSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }

    int connectTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
    }

    int readTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
    }
}
