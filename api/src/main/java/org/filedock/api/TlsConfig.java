package org.filedock.api;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The TLS listener's settings (contract §9). Without a configured key store the server makes a
 * self-signed key on first start and keeps it in {@link #generatedKeyStore()}.
 *
 * @param port the TLS port, empty when {@code filedock.tls-port=off}
 * @param keyStore a PKCS#12 (or JKS) key store holding the server's key and certificate
 * @param keyStorePassword its password (may be a WildFly expression resolved by the server)
 * @param keyAlias the alias of the key in it; empty: the only (or first) key entry
 * @param generatedKeyStore where the self-signed key is kept when no key store is configured
 */
public record TlsConfig(
        OptionalInt port,
        Optional<Path> keyStore,
        Optional<String> keyStorePassword,
        Optional<String> keyAlias,
        Path generatedKeyStore) {

    public static final String PORT = "filedock.tls-port";
    public static final String KEY_STORE = "filedock.tls.key-store";
    public static final String KEY_STORE_PASSWORD = "filedock.tls.key-store-password";
    public static final String KEY_ALIAS = "filedock.tls.key-alias";
    public static final int DEFAULT_PORT = 7022;

    static TlsConfig from(Properties p) {
        return new TlsConfig(
                port(p.getProperty(PORT)),
                nonBlank(p.getProperty(KEY_STORE)).map(v -> Path.of(v).toAbsolutePath().normalize()),
                nonBlank(p.getProperty(KEY_STORE_PASSWORD)),
                nonBlank(p.getProperty(KEY_ALIAS)),
                Path.of(p.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                        "filedock-tls", "server.p12").toAbsolutePath().normalize());
    }

    private static OptionalInt port(String value) {
        if (value == null) {
            return OptionalInt.of(DEFAULT_PORT);
        }
        if ("off".equals(value.trim().toLowerCase(Locale.ROOT))) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) PropertyValues.parse(PORT, value, 0, 65535));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
