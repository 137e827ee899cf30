package org.filedock.cli.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.filedock.cli.testing.FakePeer;
import org.filedock.cli.testing.FakeServer;
import org.filedock.cli.testing.TestCertificate;
import org.filedock.cli.tls.Fingerprint;
import org.filedock.cli.tls.KnownHosts;
import org.filedock.cli.tls.ServerTrust;
import org.filedock.cli.tls.TrustQuestion;
import org.filedock.cli.tls.UntrustedServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a fake server behind real TLS, with real (keytool-made) certificates. */
class TlsConnectionTest {

    private static final ConnectionSettings QUICK = new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(5));
    private static final Fingerprint LOOPBACK = Fingerprint.of(TestCertificate.loopback().certificate());
    private static final Fingerprint OTHER = Fingerprint.of(TestCertificate.otherLoopback().certificate());

    @TempDir
    Path home;

    private KnownHosts knownHosts() {
        return new KnownHosts(home.resolve(".filedock/known_hosts"));
    }

    private ServerTrust untrustedBySystem(Fingerprint pinned, TrustQuestion question) {
        return new ServerTrust(ServerTrust.defaultTrustManager(null), knownHosts(), pinned, question);
    }

    @Test
    void aPinnedFingerprintIsTrustedAndNothingIsSaved() throws Exception {
        AtomicReference<String> protocol = new AtomicReference<>();
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), peer -> {
            peer.greet().answer("PWD", "OK@/");
            protocol.set(peer.tlsProtocol());
        }); FileDockClient client = FileDockClient.connectTls(server.host(), server.port(), QUICK,
                untrustedBySystem(LOOPBACK, TrustQuestion.NOBODY))) {
            assertEquals("Welcome to the server (fake)", client.greeting());
            assertEquals("/", client.pwd());
            server.verify();
        }
        assertEquals("TLSv1.3", protocol.get());
        assertFalse(Files.exists(knownHosts().file()));
    }

    @Test
    void aPinThatDoesNotMatchIsRefusedEvenWhenTheSystemTrustsTheCertificate() throws Exception {
        ServerTrust trust = new ServerTrust(ServerTrust.defaultTrustManager(TestCertificate.loopback().asTrustStore()),
                knownHosts(), OTHER, TrustQuestion.NOBODY);
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), FakePeer::greetAndExpectNothing)) {
            UntrustedServerException refused = assertThrows(UntrustedServerException.class,
                    () -> FileDockClient.connectTls(server.host(), server.port(), QUICK, trust));
            assertEquals("the certificate of 127.0.0.1:" + server.port() + " does not match --trust-fingerprint: "
                    + "expected " + OTHER + ", got " + LOOPBACK, refused.getMessage());
            server.verify();
        }
    }

    @Test
    void aCertificateTheSystemStoreTrustsForTheHostNameIsTrustedWithoutKnownHosts() throws Exception {
        ServerTrust trust = new ServerTrust(ServerTrust.defaultTrustManager(TestCertificate.loopback().asTrustStore()),
                knownHosts(), null, TrustQuestion.NOBODY);
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), peer -> peer.greet().answer("PWD", "OK@/"));
             FileDockClient client = FileDockClient.connectTls(server.host(), server.port(), QUICK, trust)) {
            assertEquals("/", client.pwd());
            server.verify();
        }
        assertFalse(Files.exists(knownHosts().file()));
    }

    @Test
    void theSystemStoreDoesNotVouchForACertificateIssuedForAnotherName() throws Exception {
        TestCertificate elsewhere = TestCertificate.named("elsewhere", "dns:files.example.org");
        ServerTrust trust = new ServerTrust(ServerTrust.defaultTrustManager(elsewhere.asTrustStore()), knownHosts(),
                null, TrustQuestion.NOBODY);
        try (FakeServer server = FakeServer.startTls(elsewhere, FakePeer::greetAndExpectNothing)) {
            UntrustedServerException refused = assertThrows(UntrustedServerException.class,
                    () -> FileDockClient.connectTls(server.host(), server.port(), QUICK, trust));
            assertTrue(refused.getMessage().startsWith("unknown certificate of 127.0.0.1:" + server.port()),
                    refused.getMessage());
            server.verify();
        }
    }

    @Test
    void anUnknownServerWithNobodyToAskIsRefusedWithItsFingerprintAndHowToTrustIt() throws Exception {
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), FakePeer::greetAndExpectNothing)) {
            UntrustedServerException refused = assertThrows(UntrustedServerException.class,
                    () -> FileDockClient.connectTls(server.host(), server.port(), QUICK,
                            untrustedBySystem(null, TrustQuestion.NOBODY)));
            String key = "127.0.0.1:" + server.port();
            assertEquals("unknown certificate of " + key + " (" + LOOPBACK + "): the system does not trust it and it "
                    + "is not in " + knownHosts().file() + "; if that is your server's fingerprint, pass "
                    + "--trust-fingerprint " + LOOPBACK + " or add the line \"" + key + " " + LOOPBACK + "\" to "
                    + knownHosts().file(), refused.getMessage());
            server.verify();
        }
        assertFalse(Files.exists(knownHosts().file()));
    }

    @Test
    void aNewServerAcceptedByTheUserIsRememberedAndTrustedNextTimeWithoutAsking() throws Exception {
        List<String> asked = new ArrayList<>();
        TrustQuestion yes = (explanation, question) -> asked.add(explanation + "|" + question);
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), peer -> peer.greet().answer("PWD", "OK@/"));
             FileDockClient client = FileDockClient.connectTls(server.host(), server.port(), QUICK,
                     untrustedBySystem(null, yes))) {
            assertEquals("/", client.pwd());
            server.verify();
            assertEquals(List.of("127.0.0.1:" + server.port() + " " + LOOPBACK), Files.readAllLines(knownHosts().file()));
        }
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).contains("Its fingerprint is " + LOOPBACK), asked.get(0));
        assertTrue(asked.get(0).endsWith("Trust it and remember it in " + knownHosts().file() + "? (yes/no) "));

        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), peer -> peer.greet().answer("PWD", "OK@/"))) {
            knownHosts().add("127.0.0.1:" + server.port(), LOOPBACK);
            try (FileDockClient client = FileDockClient.connectTls(server.host(), server.port(), QUICK,
                    untrustedBySystem(null, (explanation, question) -> {
                        throw new AssertionError("asked again about a known server");
                    }))) {
                assertEquals("/", client.pwd());
                server.verify();
            }
        }
    }

    @Test
    void aNewServerTheUserRejectsIsRefusedAndNotSaved() throws Exception {
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), FakePeer::greetAndExpectNothing)) {
            UntrustedServerException refused = assertThrows(UntrustedServerException.class,
                    () -> FileDockClient.connectTls(server.host(), server.port(), QUICK,
                            untrustedBySystem(null, (explanation, question) -> false)));
            assertEquals("the certificate of 127.0.0.1:" + server.port() + " was not accepted", refused.getMessage());
            server.verify();
        }
        assertFalse(Files.exists(knownHosts().file()));
    }

    @Test
    void aChangedCertificateIsRefusedLoudlyWithoutAskingAndKnownHostsStaysAsItWas() throws Exception {
        try (FakeServer server = FakeServer.startTls(TestCertificate.otherLoopback(), FakePeer::greetAndExpectNothing)) {
            String key = "127.0.0.1:" + server.port();
            knownHosts().add("other:1", OTHER);
            knownHosts().add(key, LOOPBACK);
            List<String> before = Files.readAllLines(knownHosts().file());
            UntrustedServerException refused = assertThrows(UntrustedServerException.class,
                    () -> FileDockClient.connectTls(server.host(), server.port(), QUICK,
                            untrustedBySystem(null, (explanation, question) -> {
                                throw new AssertionError("asked about a changed certificate");
                            })));
            assertEquals("THE CERTIFICATE OF " + key + " HAS CHANGED: known_hosts has " + LOOPBACK + ", the server now "
                    + "shows " + OTHER + "; someone may be intercepting the connection. Refused. If you know the server "
                    + "got a new certificate, remove line 2 (\"" + key + " " + LOOPBACK + "\") from " + knownHosts().file()
                    + " and connect again", refused.getMessage());
            assertEquals(before, Files.readAllLines(knownHosts().file()));
            server.verify();
        }
    }

    @Test
    void tls12IsSpokenWhenTheServerOffersNothingNewer() throws Exception {
        AtomicReference<String> protocol = new AtomicReference<>();
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), new String[] {"TLSv1.2"}, peer -> {
            peer.greet().answer("PWD", "OK@/");
            protocol.set(peer.tlsProtocol());
        }); FileDockClient client = FileDockClient.connectTls(server.host(), server.port(), QUICK,
                untrustedBySystem(LOOPBACK, TrustQuestion.NOBODY))) {
            assertEquals("/", client.pwd());
            server.verify();
        }
        assertEquals("TLSv1.2", protocol.get());
    }

    @Test
    void aPlaintextPortFailsTheHandshakeWithAClearMessage() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.greet();
            peer.readLine();
        })) {
            TlsHandshakeException failed = assertThrows(TlsHandshakeException.class,
                    () -> FileDockClient.connectTls(server.host(), server.port(), QUICK,
                            untrustedBySystem(LOOPBACK, TrustQuestion.NOBODY)));
            assertTrue(failed.getMessage().startsWith("TLS handshake failed: "), failed.getMessage());
            assertTrue(failed.getMessage().endsWith("(is it the server's TLS port?)"), failed.getMessage());
            server.close();
        }
    }

    @Test
    void uploadAndDownloadOverTlsMoveTheExactBytes() throws Exception {
        byte[] content = new byte[5 * 1024 * 1024 + 123];
        new Random(42).nextBytes(content);
        Path local = Files.write(home.resolve("up.bin"), content);
        AtomicReference<byte[]> uploaded = new AtomicReference<>();
        RecordingListener listener = new RecordingListener();
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), peer -> {
            peer.greet().answer("UPLOAD up.bin " + content.length, "OK@Ready");
            uploaded.set(peer.readBytes(content.length));
            peer.send("OK@File uploaded");
            peer.answer("DOWNLOAD up.bin", "OK@" + content.length).sendBytes(content);
            peer.answer("COMPLETE", "OK@Download complete").answer("PWD", "OK@/");
        }); FileDockClient client = FileDockClient.connectTls(server.host(), server.port(), QUICK,
                untrustedBySystem(LOOPBACK, TrustQuestion.NOBODY))) {
            assertEquals("File uploaded", client.upload(local, "up.bin", TransferListener.NONE));
            assertEquals("Download complete", client.download("up.bin", home.resolve("down.bin"), listener));
            assertEquals("/", client.pwd());
            server.verify();
        }
        assertArrayEquals(content, uploaded.get());
        assertArrayEquals(content, Files.readAllBytes(home.resolve("down.bin")));
        assertEquals(content.length, listener.last());
        assertEquals(Boolean.TRUE, listener.completed);
    }

    @Test
    void loginSendsTheCredentialsAndRemembersTheUserOnlyWhenAccepted() throws Exception {
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), peer -> peer.greet()
                .answer("LOGIN alice wrong", "ERR@DENIED invalid user or password")
                .answer("LOGIN alice \"s3cret pass\"", "OK@Logged in as alice"));
             FileDockClient client = FileDockClient.connectTls(server.host(), server.port(), QUICK,
                     untrustedBySystem(LOOPBACK, TrustQuestion.NOBODY))) {
            ServerErrorException denied = assertThrows(ServerErrorException.class,
                    () -> client.login("alice", "wrong".toCharArray()));
            assertEquals("DENIED invalid user or password", denied.getMessage());
            assertNull(client.user());
            assertTrue(client.isOpen());
            assertEquals("Logged in as alice", client.login("alice", "s3cret pass".toCharArray()));
            assertEquals("alice", client.user());
            server.verify();
        }
    }

    @Test
    void closingDoesNotWaitForTheServersCloseNotify() throws Exception {
        ConnectionSettings patient = new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(60));
        CountDownLatch closed = new CountDownLatch(1);
        try (FakeServer server = FakeServer.startTls(TestCertificate.loopback(), peer -> {
            peer.greet();
            closed.await(); // reads nothing, so it never answers the client's close_notify
        })) {
            FileDockClient client = FileDockClient.connectTls(server.host(), server.port(), patient,
                    untrustedBySystem(LOOPBACK, TrustQuestion.NOBODY));
            // Far below the read timeout that SSLSocket.close() would wait for.
            assertTimeoutPreemptively(Duration.ofSeconds(20), client::close);
            assertFalse(client.isOpen());
            closed.countDown();
            server.verify();
        }
    }
}
