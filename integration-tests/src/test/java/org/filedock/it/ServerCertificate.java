package org.filedock.it;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The HTTPS listener's self-signed certificate, fetched from the server as an operator would
 * ({@code openssl s_client -showcerts}), and an SSL context that trusts exactly that certificate:
 * no client ever sends a byte over a connection whose certificate went unchecked.
 */
final class ServerCertificate {

    private ServerCertificate() {
    }

    /** The certificate the server presents; the handshake that shows it is broken off. */
    static X509Certificate fetch(String host, int port) throws IOException, GeneralSecurityException {
        AtomicReference<X509Certificate> presented = new AtomicReference<>();
        SSLContext peek = SSLContext.getInstance("TLS");
        peek.init(null, new TrustManager[] {new Recorder(presented)}, null);
        try (SSLSocket socket = (SSLSocket) peek.getSocketFactory().createSocket(host, port)) {
            socket.startHandshake();
            throw new IllegalStateException("the recorder accepted a certificate");
        } catch (SSLHandshakeException expected) {
            if (presented.get() == null) {
                throw expected;
            }
        }
        return presented.get();
    }

    /** TLS that trusts {@code certificate} alone (with the JDK's host name check). */
    static SSLContext trusting(X509Certificate certificate) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("filedock", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /**
     * The certificate's public key as Chromium's {@code --ignore-certificate-errors-spki-list} wants
     * it (Base64 of the SHA-256 of the SubjectPublicKeyInfo): the browser then accepts exactly this key.
     */
    static String spkiSha256(X509Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
        return Base64.getEncoder().encodeToString(digest);
    }

    /** Remembers the server's certificate and refuses it, so that the handshake goes no further. */
    private record Recorder(AtomicReference<X509Certificate> presented) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            presented.set(chain[0]);
            throw new CertificateException("only looking");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
