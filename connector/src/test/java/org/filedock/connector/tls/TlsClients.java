package org.filedock.connector.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.filedock.protocol.LineReader;

/** Real {@link SSLSocket} clients that trust exactly one certificate. */
final class TlsClients {

    private final SSLContext context;

    TlsClients(X509Certificate trusted) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", trusted);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
    }

    Client connect(int port, String... protocols) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.setSoTimeout(20_000);
        if (protocols.length > 0) {
            socket.setEnabledProtocols(protocols);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        return new Client(socket);
    }

    static final class Client implements AutoCloseable {
        final SSLSocket socket;
        final LineReader in;

        Client(SSLSocket socket) throws IOException {
            this.socket = socket;
            this.in = new LineReader(socket.getInputStream());
        }

        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        String call(String line) throws IOException {
            send(line + "\n");
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
