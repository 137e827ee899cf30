package org.filedock.connector.tls;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the TLS key comes from: made once and kept, or read from a configured key store. */
class ServerKeyTest {

    @TempDir
    Path dir;

    @Test
    void theGeneratedKeyIsMadeOnceKeptOwnerOnlyAndReused() throws Exception {
        Path file = dir.resolve("filedock-tls").resolve("server.p12");
        ServerKey first = GeneratedKeyStore.loadOrCreate(file, "127.0.0.1");
        ServerKey again = GeneratedKeyStore.loadOrCreate(file, "127.0.0.1");

        assertEquals(CertificateFingerprint.of(first.certificate()), CertificateFingerprint.of(again.certificate()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(GeneratedKeyStore.passwordFile(file))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(List.of(file.getFileName(), GeneratedKeyStore.passwordFile(file).getFileName()),
                Files.list(file.getParent()).map(Path::getFileName).sorted().toList(), "no temporary file left");
    }

    @Test
    void theGeneratedCertificateIsAnEcP256OneForTheHostAndTheBindAddress() throws Exception {
        X509Certificate certificate = GeneratedKeyStore.create("files.example", "192.0.2.7").certificate();
        assertEquals("CN=files.example", certificate.getSubjectX500Principal().getName());
        assertEquals("EC", certificate.getPublicKey().getAlgorithm());
        assertEquals("SHA256withECDSA", certificate.getSigAlgName());
        List<String> names = certificate.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
        assertTrue(names.containsAll(List.of("localhost", "files.example", "127.0.0.1", "192.0.2.7")), names.toString());
        certificate.checkValidity();
        certificate.verify(certificate.getPublicKey());
    }

    @Test
    void theFingerprintIsTheSha256OfTheDerCertificateInLowercaseHex() throws Exception {
        X509Certificate certificate = GeneratedKeyStore.create("localhost", "0.0.0.0").certificate();
        String fingerprint = CertificateFingerprint.of(certificate);
        assertTrue(fingerprint.matches("SHA256:[0-9a-f]{64}"), fingerprint);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        assertEquals("SHA256:" + java.util.HexFormat.of().formatHex(digest), fingerprint);
    }

    @Test
    void aConfiguredKeyStoreIsReadByAliasOrItsOnlyKey() throws Exception {
        ServerKey one = GeneratedKeyStore.create("a.example", "127.0.0.1");
        ServerKey two = GeneratedKeyStore.create("b.example", "127.0.0.1");
        for (String type : List.of("PKCS12", "JKS")) {
            Path file = store(type, "secret", one, two);
            ServerKey byAlias = ConfiguredKeyStore.load(file, "secret".toCharArray(), Optional.of("two"));
            assertEquals(two.certificate(), byAlias.certificate(), type);
            ServerKey first = ConfiguredKeyStore.load(file, "secret".toCharArray(), Optional.empty());
            assertEquals(one.certificate(), first.certificate(), type + ": the first alias");
        }
    }

    @Test
    void aBadKeyStoreFailsWithAPreciseMessage() throws Exception {
        ServerKey one = GeneratedKeyStore.create("a.example", "127.0.0.1");
        Path file = store("PKCS12", "secret", one);
        var noSuchAlias = assertThrows(GeneralSecurityException.class,
                () -> ConfiguredKeyStore.load(file, "secret".toCharArray(), Optional.of("nope")));
        assertEquals("key store " + file + " has no key entry 'nope'", noSuchAlias.getMessage());
        assertThrows(java.io.IOException.class,
                () -> ConfiguredKeyStore.load(file, "wrong".toCharArray(), Optional.empty()));
        var missing = assertThrows(java.io.IOException.class,
                () -> ConfiguredKeyStore.load(dir.resolve("none.p12"), new char[0], Optional.empty()));
        assertTrue(missing.getMessage().contains("does not exist"));
        assertNotEquals(CertificateFingerprint.of(one.certificate()),
                CertificateFingerprint.of(GeneratedKeyStore.create("a.example", "127.0.0.1").certificate()));
    }

    private Path store(String type, String password, ServerKey... keys) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        String[] aliases = {"one", "two"};
        for (int i = 0; i < keys.length; i++) {
            store.setKeyEntry(aliases[i], keys[i].privateKey(), password.toCharArray(),
                    new Certificate[] {keys[i].certificate()});
        }
        Path file = Files.createTempFile(dir, "store", "." + type.toLowerCase());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
