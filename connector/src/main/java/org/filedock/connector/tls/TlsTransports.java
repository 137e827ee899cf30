package org.filedock.connector.tls;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.filedock.api.TlsConfig;
import org.filedock.connector.net.Transport;
import org.filedock.connector.net.TransportFactory;

/** The TLS listener's transports: one {@link SSLEngine} per connection, all with the server's one key. */
public final class TlsTransports implements TransportFactory {

    private final SSLContext context;
    private final X509Certificate certificate;
    private final String fingerprint;

    TlsTransports(ServerKey key) throws GeneralSecurityException {
        this.certificate = key.certificate();
        this.fingerprint = CertificateFingerprint.of(certificate);
        char[] transientPassword = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot make an in-memory key store", e);
        }
        store.setKeyEntry("server", key.privateKey(), transientPassword, key.chain());
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, transientPassword);
        this.context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
    }

    /**
     * The key from the configured key store, or the generated self-signed one.
     *
     * @throws IOException the key store cannot be read or the generated one cannot be written
     * @throws GeneralSecurityException the key store is not usable (wrong password, no such key)
     */
    public static TlsTransports from(TlsConfig config, String bindAddress) throws IOException, GeneralSecurityException {
        ServerKey key = config.keyStore().isPresent()
                ? ConfiguredKeyStore.load(config.keyStore().get(),
                        config.keyStorePassword().orElse("").toCharArray(), config.keyAlias())
                : GeneratedKeyStore.loadOrCreate(config.generatedKeyStore(), bindAddress);
        return new TlsTransports(key);
    }

    @Override
    public Transport open(SocketChannel channel) {
        SSLEngine engine = context.createSSLEngine();
        TlsPolicy.apply(engine);
        return new TlsTransport(channel, engine);
    }

    @Override
    public boolean encrypted() {
        return true;
    }

    @Override
    public String certificateFingerprint() {
        return fingerprint;
    }

    public X509Certificate certificate() {
        return certificate;
    }
}
