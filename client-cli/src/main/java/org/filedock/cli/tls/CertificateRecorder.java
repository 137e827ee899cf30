package org.filedock.cli.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Lets the handshake finish whatever the certificate, noting it and whether the system trust
 * store accepts it for the host name. This is safe only because {@link ServerTrust#verify} then
 * decides before a single byte is sent or believed: the decision may need to ask the user, which
 * is better done outside the handshake (after the server has proved that it holds the key).
 */
public final class CertificateRecorder extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager systemTrust;
    private X509Certificate[] chain;
    private boolean systemTrusted;

    public CertificateRecorder(X509ExtendedTrustManager systemTrust) {
        this.systemTrust = systemTrust;
    }

    /** The server's own certificate; {@code null} before the handshake. */
    public X509Certificate serverCertificate() {
        return chain == null || chain.length == 0 ? null : chain[0];
    }

    public boolean systemTrusted() {
        return systemTrusted;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket) {
        chain = certificates.clone();
        try {
            // The socket carries the host name and the HTTPS endpoint identification: the name is checked too.
            systemTrust.checkServerTrusted(certificates, authType, socket);
            systemTrusted = true;
        } catch (CertificateException | IllegalArgumentException e) {
            systemTrusted = false;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("only SSLSocket connections are checked here");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        throw new CertificateException("only checks with the socket (and so the host name) are done here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a client does not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a client does not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        throw new CertificateException("a client does not accept clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return systemTrust.getAcceptedIssuers();
    }
}
