package org.filedock.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.filedock.it.CliProcess.Result;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts over TLS as a user meets them (the "accounts" server: {@code filedock.auth=required},
 * TLS on): the CLI as a process logging in with a password file or {@code FILEDOCK_PASSWORD}, and
 * a raw TLS socket logging in and moving a file.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.server", matches = "accounts")
class CliAccountsIT {

    private static final String CAROL_PASSWORD = "Carol-pass-5";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    private Path work;
    private X509Certificate certificate;

    @BeforeAll
    static void users() throws Exception {
        RealmUsers.add("carol", CAROL_PASSWORD, "filedock-user");
    }

    @BeforeEach
    void fetchTheServersCertificate() throws Exception {
        work = Files.createTempDirectory(ItConfig.workDirectory(), "cli-accounts");
        certificate = TlsClient.serverCertificate(ItConfig.tlsPort());
    }

    @Test
    void theCliLogsInOverTlsWithAPasswordFileAndMovesAFileIntoItsHome() throws Exception {
        Path passwordFile = work.resolve("password");
        Files.writeString(passwordFile, CAROL_PASSWORD + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        Path local = work.resolve("report.bin");
        byte[] content = new byte[5 * 1024 * 1024 + 3];
        new Random(5).nextBytes(content);
        Files.write(local, content);
        Path downloads = Files.createDirectory(work.resolve("downloads"));

        Result result = cli(List.of("--user", "carol", "--password-file", passwordFile.toString(),
                "--download-dir", downloads.toString()), Map.of(),
                String.join("\n", "UPLOAD \"" + local + "\" report.bin", "DOWNLOAD report.bin", "PWD", ""));

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("Logged in as carol"), result.stdout());
        assertArrayEquals(content, Files.readAllBytes(downloads.resolve("report.bin")));
        assertArrayEquals(content, Files.readAllBytes(ItConfig.accountsStorageRoot().resolve("carol/report.bin")));
    }

    @Test
    void aWrongPasswordFromTheEnvironmentIsDeniedAndNothingElseRuns() throws Exception {
        Result result = cli(List.of("--user", "carol"), Map.of("FILEDOCK_PASSWORD", "not-" + CAROL_PASSWORD),
                "MKDIR never\n");

        assertTrue(result.exitCode() != 0, result.stdout());
        assertTrue(result.stderr().contains("DENIED"), result.stderr());
        assertFalse(result.stderr().contains(CAROL_PASSWORD), "the password is never echoed");
        assertFalse(Files.exists(ItConfig.accountsStorageRoot().resolve("carol/never")));
    }

    @Test
    void aRawTlsSocketLogsInAndUploadsAndDownloads() throws Exception {
        try (WireClient client = WireClient.over(TlsClient.connect(TlsClient.trusting(certificate), ItConfig.tlsPort()))) {
            assertEquals("ERR@AUTH_REQUIRED login first", client.call("PWD"));
            assertEquals("OK@Logged in as carol", client.call("LOGIN carol " + CAROL_PASSWORD));
            byte[] content = new byte[3 * 1024 * 1024 + 1];
            new Random(9).nextBytes(content);
            client.upload("raw-tls.bin", content);
            assertArrayEquals(content, client.download("raw-tls.bin"));
        }
        assertTrue(Files.exists(ItConfig.accountsStorageRoot().resolve("carol/raw-tls.bin")));
    }

    private Result cli(List<String> options, Map<String, String> environment, String stdin) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--host", "127.0.0.1", "--port",
                String.valueOf(ItConfig.tlsPort()), "--tls", "--trust-fingerprint", TlsClient.fingerprint(certificate)));
        arguments.addAll(options);
        return CliProcess.run(work, arguments, environment, stdin);
    }
}
