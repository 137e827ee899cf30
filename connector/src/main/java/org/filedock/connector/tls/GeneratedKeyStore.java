package org.filedock.connector.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import javax.security.auth.x500.X500Principal;

import org.wildfly.security.x500.GeneralName;
import org.wildfly.security.x500.cert.SelfSignedX509CertificateAndSigningKey;
import org.wildfly.security.x500.cert.SubjectAlternativeNamesExtension;

/**
 * The self-signed key the server makes on its first start when no key store is configured
 * (EC P-256, SHA256withECDSA, ten years), kept in a PKCS#12 file readable by the server's user
 * only and reused on later starts. PKCS#12 wants a password: a random one is kept beside the
 * file ({@code server.p12.password}, owner-only too), so the file's permissions are what protects
 * the key, as they are for any key a server reads on its own at start.
 */
final class GeneratedKeyStore {

    static final String ALIAS = "filedock";
    private static final Logger LOG = Logger.getLogger(GeneratedKeyStore.class.getName());
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private GeneratedKeyStore() {
    }

    /** Loads the kept key, or makes and keeps one for {@code bindAddress} if there is none yet. */
    static ServerKey loadOrCreate(Path file, String bindAddress) throws IOException, GeneralSecurityException {
        Path passwordFile = passwordFile(file);
        if (Files.exists(file)) {
            char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
            return ConfiguredKeyStore.load(file, password, Optional.of(ALIAS));
        }
        ServerKey key = create(hostName(), bindAddress);
        keep(key, file, passwordFile);
        LOG.info("FileDock made a self-signed TLS certificate (" + key.certificate().getSubjectX500Principal()
                + ") and keeps it in " + file);
        return key;
    }

    static Path passwordFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".password");
    }

    static ServerKey create(String hostName, String bindAddress) {
        ZonedDateTime now = ZonedDateTime.now();
        SelfSignedX509CertificateAndSigningKey made = SelfSignedX509CertificateAndSigningKey.builder()
                .setDn(new X500Principal("CN=" + hostName))
                .setKeyAlgorithmName("EC")
                .setKeySize(256)
                .setSignatureAlgorithmName("SHA256withECDSA")
                .setNotValidBefore(now.minusDays(1))
                .setNotValidAfter(now.plusYears(10))
                .addExtension(new SubjectAlternativeNamesExtension(false, subjectAlternativeNames(hostName, bindAddress)))
                .build();
        return new ServerKey(made.getSigningKey(), new java.security.cert.X509Certificate[] {made.getSelfSignedCertificate()});
    }

    /** The host name and {@code localhost}, the loopback addresses and the bind address when it is one address. */
    static List<GeneralName> subjectAlternativeNames(String hostName, String bindAddress) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", hostName));
        Set<String> addresses = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
        if (isSpecificAddress(bindAddress)) {
            addresses.add(bindAddress);
        }
        List<GeneralName> all = new ArrayList<>();
        names.forEach(name -> all.add(new GeneralName.DNSName(name)));
        addresses.forEach(address -> all.add(new GeneralName.IPAddress(address)));
        return all;
    }

    private static boolean isSpecificAddress(String bindAddress) {
        if (!bindAddress.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name, not an address
        }
        try {
            InetAddress address = InetAddress.getByName(bindAddress);
            return !address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "localhost" : name;
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static void keep(ServerKey key, Path file, Path passwordFile) throws IOException, GeneralSecurityException {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, attribute(OWNER_DIRECTORY));
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key.privateKey(), password, new Certificate[] {key.certificate()});
        Path storeTemp = ownerOnlyTemp(directory);
        Path passwordTemp = ownerOnlyTemp(directory);
        try {
            try (OutputStream out = Files.newOutputStream(storeTemp)) {
                store.store(out, password);
            }
            Files.writeString(passwordTemp, new String(password) + "\n", StandardCharsets.US_ASCII);
            // the password first: a key store without its password would be read and fail on the next start
            Files.move(passwordTemp, passwordFile, StandardCopyOption.ATOMIC_MOVE);
            Files.move(storeTemp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another start made " + file + " at the same time", e);
        } finally {
            Files.deleteIfExists(storeTemp);
            Files.deleteIfExists(passwordTemp);
        }
    }

    private static Path ownerOnlyTemp(Path directory) throws IOException {
        if (supportsPosix(directory)) {
            return Files.createTempFile(directory, ".server", ".tmp", attribute(OWNER_FILE));
        }
        return Files.createTempFile(directory, ".server", ".tmp");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    private static boolean supportsPosix(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
