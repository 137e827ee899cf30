package org.filedock.cli.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A real self-signed server key and certificate, made by the JDK's own {@code keytool} (once per
 * name in a test run), as a server without a configured keystore would make one.
 */
public final class TestCertificate {

    private static final char[] PASSWORD = "test-only".toCharArray();
    private static final ConcurrentHashMap<String, TestCertificate> MADE = new ConcurrentHashMap<>();

    private final Path file;
    private final KeyStore keyStore;
    private final X509Certificate certificate;

    private TestCertificate(Path file, KeyStore keyStore, X509Certificate certificate) {
        this.file = file;
        this.keyStore = keyStore;
        this.certificate = certificate;
    }

    /**
     * The certificate called {@code name}, valid for the given subject alternative names (keytool
     * syntax, e.g. {@code dns:localhost,ip:127.0.0.1}); the same object for the same name.
     */
    public static TestCertificate named(String name, String subjectAlternativeNames) {
        return MADE.computeIfAbsent(name, n -> make(n, subjectAlternativeNames));
    }

    /** For 127.0.0.1 and localhost. */
    public static TestCertificate loopback() {
        return named("loopback", "dns:localhost,ip:127.0.0.1");
    }

    /** Another key for 127.0.0.1 and localhost: the server "got a new certificate". */
    public static TestCertificate otherLoopback() {
        return named("other-loopback", "dns:localhost,ip:127.0.0.1");
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The SHA-256 fingerprint as {@code keytool -list -v} prints it ({@code AB:CD:...}). */
    public String keytoolFingerprint() {
        try {
            return sha256Line(keytool("-list", "-v", "-alias", "server", "-keystore", file.toString(),
                    "-storepass", new String(PASSWORD)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust store holding only this certificate, as if a CA had issued it. */
    public KeyStore asTrustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("server", certificate);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server context with this key. */
    SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static TestCertificate make(String name, String subjectAlternativeNames) {
        try {
            Path file = Files.createTempFile("filedock-cli-" + name, ".p12");
            Files.delete(file);
            file.toFile().deleteOnExit();
            String password = new String(PASSWORD);
            keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + name, "-ext", "SAN=" + subjectAlternativeNames, "-validity", "2",
                    "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, PASSWORD);
            }
            return new TestCertificate(file, store, (X509Certificate) store.getCertificate("server"));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a test certificate: " + e.getMessage(), e);
        }
    }

    private static String sha256Line(String listing) {
        return listing.lines().map(String::strip).filter(line -> line.startsWith("SHA256:")).findFirst()
                .map(line -> line.substring("SHA256:".length()).strip())
                .orElseThrow(() -> new IllegalStateException("keytool printed no SHA256 line:\n" + listing));
    }

    private static String keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-J-XX:TieredStopAtLevel=1"); // it runs for a moment: starting fast matters more
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
        return output;
    }
}
