package org.filedock.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;

import org.filedock.protocol.Protocol;

/**
 * Server settings, read from system properties named as in the contract (§12), with their
 * defaults. A malformed value fails with a message that names the property.
 */
public record FileDockConfig(
        OptionalInt port,
        String bindAddress,
        Path storageRoot,
        int maxConnections,
        Duration idleTimeout,
        Duration payloadTimeout,
        int maxLineBytes,
        OptionalLong maxFileSize,
        AuthMode auth,
        TlsConfig tls,
        LoginLimits loginLimits) {

    public static final String PORT = "filedock.port";
    public static final String BIND = "filedock.bind";
    public static final String ROOT = "filedock.root";
    public static final String MAX_CONNECTIONS = "filedock.max-connections";
    public static final String IDLE_TIMEOUT = "filedock.idle-timeout";
    public static final String PAYLOAD_TIMEOUT = "filedock.payload-timeout";
    public static final String MAX_LINE = "filedock.max-line";
    public static final String MAX_FILE_SIZE = "filedock.max-file-size";
    public static final String AUTH = "filedock.auth";

    private static final String OFF = "off";
    private static final String UNLIMITED = "unlimited";

    public static FileDockConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    public static FileDockConfig from(Properties p) {
        AuthMode auth = AuthMode.parse(AUTH, p.getProperty(AUTH));
        TlsConfig tls = TlsConfig.from(p);
        return new FileDockConfig(
                plaintextPort(p.getProperty(PORT), auth, tls),
                p.getProperty(BIND, "127.0.0.1"),
                storageRoot(p),
                (int) PropertyValues.number(p, MAX_CONNECTIONS, 1000, 1, Integer.MAX_VALUE),
                Duration.ofSeconds(PropertyValues.number(p, IDLE_TIMEOUT, 300, 1, Integer.MAX_VALUE)),
                Duration.ofSeconds(PropertyValues.number(p, PAYLOAD_TIMEOUT, 60, 1, Integer.MAX_VALUE)),
                (int) PropertyValues.number(p, MAX_LINE, Protocol.MAX_LINE_BYTES, 64, 1 << 20),
                maxFileSize(p.getProperty(MAX_FILE_SIZE)),
                auth,
                tls,
                LoginLimits.from(p));
    }

    /**
     * Contract §9: with accounts required and TLS on, passwords must not cross the network in
     * clear text by default, so the plaintext listener is off unless {@code filedock.port} is set.
     */
    private static OptionalInt plaintextPort(String value, AuthMode auth, TlsConfig tls) {
        if (value == null && auth == AuthMode.REQUIRED && tls.port().isPresent()) {
            return OptionalInt.empty();
        }
        return port(value);
    }

    private static OptionalInt port(String value) {
        if (value == null) {
            return OptionalInt.of(Protocol.DEFAULT_PORT);
        }
        if (OFF.equals(value.trim().toLowerCase(Locale.ROOT))) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) PropertyValues.parse(PORT, value, 0, 65535));
    }

    private static OptionalLong maxFileSize(String value) {
        if (value == null || UNLIMITED.equals(value.trim().toLowerCase(Locale.ROOT))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(PropertyValues.parse(MAX_FILE_SIZE, value, 0, Long.MAX_VALUE));
    }

    private static Path storageRoot(Properties p) {
        String root = p.getProperty(ROOT);
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        String dataDir = p.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        return Path.of(dataDir, "filedock").toAbsolutePath().normalize();
    }
}
