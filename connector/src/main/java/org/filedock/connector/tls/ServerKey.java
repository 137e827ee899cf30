package org.filedock.connector.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The TLS listener's private key and certificate chain (the server's own certificate first). */
record ServerKey(PrivateKey privateKey, X509Certificate[] chain) {

    X509Certificate certificate() {
        return chain[0];
    }
}
