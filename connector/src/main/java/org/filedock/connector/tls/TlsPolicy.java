package org.filedock.connector.tls;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * What the TLS listener accepts: TLS 1.3 and 1.2, nothing older; in TLS 1.2 only suites with
 * forward secrecy (ECDHE) and authenticated encryption (GCM, ChaCha20-Poly1305), which also
 * leaves out everything weak the JDK still knows (RSA key exchange, CBC, 3DES, RC4, NULL, anon).
 */
final class TlsPolicy {

    static final Set<String> PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");
    private static final Pattern STRONG_SUITE = Pattern.compile(
            "TLS_(AES_\\d+_GCM_SHA\\d+|CHACHA20_POLY1305_SHA256"
                    + "|ECDHE_(ECDSA|RSA)_WITH_(AES_\\d+_GCM_SHA\\d+|CHACHA20_POLY1305_SHA256))");

    private TlsPolicy() {
    }

    static void apply(SSLEngine engine) {
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(Arrays.stream(engine.getSupportedProtocols())
                .filter(PROTOCOLS::contains).toArray(String[]::new));
        parameters.setCipherSuites(strongSuites(engine.getSupportedCipherSuites()));
        parameters.setUseCipherSuitesOrder(true);
        parameters.setNeedClientAuth(false);
        engine.setSSLParameters(parameters);
        engine.setUseClientMode(false);
    }

    static String[] strongSuites(String[] supported) {
        return Arrays.stream(supported).filter(suite -> STRONG_SUITE.matcher(suite).matches()).toArray(String[]::new);
    }
}
