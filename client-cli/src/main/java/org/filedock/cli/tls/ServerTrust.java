package org.filedock.cli.tls;

import java.io.IOException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides, ssh-style, whether to go on with a TLS server once the handshake has shown its
 * certificate (before anything is sent to it):
 * <ol>
 * <li>with a pinned fingerprint ({@code --trust-fingerprint}), the certificate must have it;</li>
 * <li>else a certificate the system trust store accepts for the host name is trusted;</li>
 * <li>else known_hosts decides: the same fingerprint is trusted, a different one is refused
 * loudly (never replaced);</li>
 * <li>else the server is new: the user is asked (and a yes is saved), or, with nobody to ask,
 * it is refused with the fingerprint and how to trust it.</li>
 * </ol>
 */
public final class ServerTrust {

    private X509ExtendedTrustManager systemTrust;
    private final KnownHosts knownHosts;
    private final Fingerprint pinned;
    private final TrustQuestion question;

    /**
     * @param systemTrust the trust store that vouches for certificates by their issuer; {@code null}
     *                    for the JDK's default one
     * @param pinned      the only fingerprint to accept, or {@code null}
     * @param question    who to ask about a new server, or {@link TrustQuestion#NOBODY}
     */
    public ServerTrust(X509ExtendedTrustManager systemTrust, KnownHosts knownHosts, Fingerprint pinned,
                       TrustQuestion question) {
        this.systemTrust = systemTrust;
        this.knownHosts = knownHosts;
        this.pinned = pinned;
        this.question = question;
    }

    /**
     * With the JDK's default trust store ({@code javax.net.ssl.trustStore} if set, else
     * {@code cacerts}), loaded when first needed: a session without TLS never reads it.
     */
    public static ServerTrust withSystemStore(KnownHosts knownHosts, Fingerprint pinned, TrustQuestion question) {
        return new ServerTrust(null, knownHosts, pinned, question);
    }

    /** The JDK's PKIX trust manager over {@code store}, or over the default store when it is {@code null}. */
    public static X509ExtendedTrustManager defaultTrustManager(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Arrays.stream(factory.getTrustManagers())
                    .filter(X509ExtendedTrustManager.class::isInstance).map(X509ExtendedTrustManager.class::cast)
                    .findFirst().orElseThrow(() -> new IllegalStateException("the JDK offers no X.509 trust manager"));
        } catch (NoSuchAlgorithmException | KeyStoreException e) {
            throw new IllegalStateException("the JDK's trust store cannot be used: " + e.getMessage(), e);
        }
    }

    public X509ExtendedTrustManager systemTrust() {
        if (systemTrust == null) {
            systemTrust = defaultTrustManager(null);
        }
        return systemTrust;
    }

    public KnownHosts knownHosts() {
        return knownHosts;
    }

    /**
     * @param systemTrusted whether {@link #systemTrust()} accepted the chain for this host name
     * @throws UntrustedServerException when the server is not to be trusted
     * @throws IOException              when known_hosts cannot be read or written
     */
    public void verify(String host, int port, X509Certificate certificate, boolean systemTrusted) throws IOException {
        String key = KnownHosts.key(host, port);
        Fingerprint actual = Fingerprint.of(certificate);
        if (pinned != null) {
            if (!pinned.equals(actual)) {
                throw new UntrustedServerException("the certificate of " + key + " does not match --trust-fingerprint: "
                        + "expected " + pinned + ", got " + actual);
            }
            return;
        }
        if (systemTrusted) {
            return;
        }
        Optional<KnownHosts.Entry> known = knownHosts.find(key);
        if (known.isPresent()) {
            checkUnchanged(key, actual, known.get());
            return;
        }
        if (question == TrustQuestion.NOBODY) {
            throw new UntrustedServerException("unknown certificate of " + key + " (" + actual + "): the system does "
                    + "not trust it and it is not in " + knownHosts.file() + "; if that is your server's fingerprint, "
                    + "pass --trust-fingerprint " + actual + " or add the line \"" + key + " " + actual + "\" to "
                    + knownHosts.file());
        }
        String explanation = "The certificate of " + key + " is not trusted by the system and not known yet.\n"
                + "Its fingerprint is " + actual + " (compare it with the one the server logged).";
        if (!question.confirm(explanation, "Trust it and remember it in " + knownHosts.file() + "? (yes/no) ")) {
            throw new UntrustedServerException("the certificate of " + key + " was not accepted");
        }
        knownHosts.add(key, actual);
    }

    private void checkUnchanged(String key, Fingerprint actual, KnownHosts.Entry known) throws UntrustedServerException {
        if (!known.fingerprint().equals(actual)) {
            throw new UntrustedServerException("THE CERTIFICATE OF " + key + " HAS CHANGED: known_hosts has "
                    + known.fingerprint() + ", the server now shows " + actual + "; someone may be intercepting "
                    + "the connection. Refused. If you know the server got a new certificate, remove line "
                    + known.lineNumber() + " (\"" + known.line() + "\") from " + knownHosts.file()
                    + " and connect again");
        }
    }
}
