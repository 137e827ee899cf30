package org.filedock.connector.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads the server's key from a key store file (PKCS#12 or JKS, told apart by its content): the
 * entry named by the alias, or without one the only key entry (the first in alias order if
 * there are several).
 */
final class ConfiguredKeyStore {

    private ConfiguredKeyStore() {
    }

    static ServerKey load(Path file, char[] password, Optional<String> alias)
            throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("key store " + file + " does not exist or is not a file");
        }
        KeyStore store = KeyStore.getInstance(file.toFile(), password);
        String entry = alias.isPresent() ? checked(store, alias.get(), file) : firstKeyEntry(store, file);
        Key key = store.getKey(entry, password);
        if (!(key instanceof PrivateKey privateKey)) {
            throw new GeneralSecurityException("entry '" + entry + "' of " + file + " holds no private key");
        }
        Certificate[] chain = store.getCertificateChain(entry);
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
            throw new GeneralSecurityException("entry '" + entry + "' of " + file + " has no X.509 certificate");
        }
        return new ServerKey(privateKey, Arrays.copyOf(chain, chain.length, X509Certificate[].class));
    }

    private static String checked(KeyStore store, String alias, Path file) throws GeneralSecurityException {
        if (!store.isKeyEntry(alias)) {
            throw new GeneralSecurityException("key store " + file + " has no key entry '" + alias + "'");
        }
        return alias;
    }

    private static String firstKeyEntry(KeyStore store, Path file) throws GeneralSecurityException {
        List<String> aliases = Collections.list(store.aliases());
        Collections.sort(aliases);
        for (String alias : aliases) {
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new GeneralSecurityException("key store " + file + " holds no key entry");
    }
}
