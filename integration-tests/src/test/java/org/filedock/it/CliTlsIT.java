package org.filedock.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.filedock.it.CliProcess.Result;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CLI as a process over TLS against the deployed server's self-signed certificate: trusted by
 * its pinned fingerprint or a known_hosts line, refused when unknown to a script or changed.
 */
@ExtendWith(ArquillianExtension.class)
class CliTlsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    private Path work;
    private String fingerprint;

    @BeforeEach
    void fetchTheServersFingerprint() throws Exception {
        work = Files.createTempDirectory(ItConfig.workDirectory(), "cli-tls");
        fingerprint = TlsClient.fingerprint(TlsClient.serverCertificate(ItConfig.tlsPort()));
    }

    @Test
    void aPinnedCertificateCarriesAnUploadAndADownloadByteForByte() throws Exception {
        Path local = work.resolve("secret plans.bin");
        byte[] content = new byte[6 * 1024 * 1024 + 5];
        new Random(11).nextBytes(content);
        Files.write(local, content);
        Path downloads = Files.createDirectory(work.resolve("downloads"));
        String dir = "cli-tls-" + UUID.randomUUID();

        Result result = run(List.of("--trust-fingerprint", fingerprint.toUpperCase().replace("SHA256:", ""),
                        "--download-dir", downloads.toString()),
                String.join("\n", "MKDIR " + dir, "UPLOAD \"" + local + "\" " + dir + "/plans.bin",
                        "DOWNLOAD " + dir + "/plans.bin", ""));

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("File uploaded"), result.stdout());
        assertArrayEquals(content, Files.readAllBytes(downloads.resolve("plans.bin")));
        assertArrayEquals(content, Files.readAllBytes(ItConfig.storageRoot().resolve(dir).resolve("plans.bin")));
    }

    @Test
    void aKnownHostsLineTrustsTheServer() throws Exception {
        Path knownHosts = work.resolve("known_hosts");
        Files.writeString(knownHosts, "127.0.0.1:" + ItConfig.tlsPort() + " " + fingerprint + "\n");

        Result result = run(List.of("--known-hosts", knownHosts.toString()), "PWD\n");

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().lines().anyMatch("/"::equals), result.stdout());
    }

    @Test
    void aScriptRefusesAnUnknownServerAndShowsItsFingerprint() throws Exception {
        String dir = "never-" + UUID.randomUUID();

        Result result = run(List.of("--known-hosts", work.resolve("known_hosts").toString()), "MKDIR " + dir + "\n");

        assertTrue(result.exitCode() != 0, result.stdout());
        assertTrue(result.stderr().contains(fingerprint), result.stderr());
        assertFalse(Files.exists(ItConfig.storageRoot().resolve(dir)), "nothing reached the server");
    }

    @Test
    void aChangedCertificateIsRefusedLoudly() throws Exception {
        Path knownHosts = work.resolve("known_hosts");
        String other = "SHA256:" + "ab".repeat(32);
        Files.writeString(knownHosts, "127.0.0.1:" + ItConfig.tlsPort() + " " + other + "\n");
        String dir = "never-" + UUID.randomUUID();

        Result result = run(List.of("--known-hosts", knownHosts.toString()), "MKDIR " + dir + "\n");

        assertTrue(result.exitCode() != 0, result.stdout());
        assertTrue(result.stderr().contains("CHANGED"), result.stderr());
        assertTrue(result.stderr().contains(fingerprint) && result.stderr().contains(other), result.stderr());
        assertEquals("127.0.0.1:" + ItConfig.tlsPort() + " " + other + "\n", Files.readString(knownHosts),
                "known_hosts is left as it was");
        assertFalse(Files.exists(ItConfig.storageRoot().resolve(dir)), "nothing reached the server");
    }

    private Result run(List<String> options, String stdin) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(
                "--host", "127.0.0.1", "--port", String.valueOf(ItConfig.tlsPort()), "--tls"));
        arguments.addAll(options);
        return CliProcess.run(work, arguments, stdin);
    }
}
