package org.filedock.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TLS listener of the deployed EAR (contract §9), over raw TLS sockets: the same protocol,
 * the certificate the server names in its log and in {@code /api/info}, and what it refuses.
 */
@ExtendWith(ArquillianExtension.class)
class TlsIT {

    /**
     * A ClientHello that offers TLS 1.1 only (record and hello version 3.2, no extensions), with
     * the CBC suites TLS 1.1 knows (ECDHE-RSA and RSA with AES): written out by hand, since the
     * JDK's own client will not send one. Record header, handshake header, version, 32 zero bytes
     * of random, no session id, 4 suites, the null compression.
     */
    private static final String TLS11_CLIENT_HELLO = "1603020033" + "0100002f" + "0302" + "00".repeat(32) + "00"
            + "0008c013c014002f0035" + "0100";

    private static final Pattern LOGGED = Pattern.compile(
            "FileDock TLS listening on [^,]+:(\\d+), certificate (SHA256:[0-9a-f]{64})");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @Test
    void theCertificateIsTheOneTheLogAndTheInfoName() throws Exception {
        String fingerprint = TlsClient.fingerprint(TlsClient.serverCertificate(ItConfig.tlsPort()));
        String info = info();
        assertTrue(info.contains("\"tlsPort\":" + ItConfig.tlsPort()), info);
        assertTrue(info.contains("\"tlsFingerprint\":\"" + fingerprint + "\""), info);
        Matcher logged = LOGGED.matcher(Files.readString(ItConfig.jbossHome().resolve("standalone/log/server.log")));
        String port = null;
        String last = null;
        while (logged.find()) { // the log may go back to earlier runs: the last start counts
            port = logged.group(1);
            last = logged.group(2);
        }
        assertEquals(String.valueOf(ItConfig.tlsPort()), port);
        assertEquals(fingerprint, last, "the fingerprint logged at the last start");
    }

    @Test
    void theProtocolWorksInsideTlsWithByteIdenticalTransfers() throws Exception {
        X509Certificate pinned = TlsClient.serverCertificate(ItConfig.tlsPort());
        SSLSocket socket = TlsClient.connect(TlsClient.trusting(pinned), ItConfig.tlsPort());
        try (WireClient client = WireClient.over(socket)) {
            assertTrue(client.greeting().startsWith("OK@Welcome to the server"), client.greeting());
            String home = client.enterOwnDirectory("tls");
            assertEquals("OK@sub created", client.call("MKDIR sub"));
            long size = 5L * 1024 * 1024 + 17;
            String sent = client.uploadGenerated("data.bin", size, 42);
            List<String> entries = client.dir(null);
            assertEquals(2, entries.size(), entries.toString());
            assertTrue(entries.stream().anyMatch(e -> e.contains(" " + size + " ") && e.endsWith(" data.bin")),
                    entries.toString());

            assertEquals("OK@" + size, client.call("DOWNLOAD data.bin"));
            Payloads.DigestSink received = new Payloads.DigestSink();
            client.readPayloadTo(received, size);
            assertEquals("OK@Download complete", client.call("COMPLETE"));
            assertEquals(sent, received.hex());
            assertTrue(socket.getSession().getProtocol().equals("TLSv1.3"), socket.getSession().getProtocol());
        }
    }

    @Test
    void aTls11ClientHelloIsAnsweredWithAnAlert() throws Exception {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress("127.0.0.1", ItConfig.tlsPort()));
            OutputStream out = socket.getOutputStream();
            out.write(HexFormat.of().parseHex(TLS11_CLIENT_HELLO));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[5];
            in.readFully(header);
            assertEquals(21, header[0], "an alert record, not a ServerHello");
            assertEquals(2, in.readByte(), "fatal");
            assertEquals(70, in.readByte(), "protocol_version");
            assertEquals(-1, drain(in), "then closed");
        }
        assertGoodClientStillServed();
    }

    @Test
    void aClientThatTrustsOtherCertificatesFailsTheHandshake() throws Exception {
        SSLContext usualCas = SSLContext.getInstance("TLS");
        usualCas.init(null, null, null);
        try (SSLSocket socket = TlsClient.connect(usualCas, ItConfig.tlsPort())) {
            assertThrows(SSLHandshakeException.class, socket::startHandshake);
        }
        assertGoodClientStillServed();
    }

    private static void assertGoodClientStillServed() throws Exception {
        X509Certificate pinned = TlsClient.serverCertificate(ItConfig.tlsPort());
        try (WireClient client = WireClient.over(TlsClient.connect(TlsClient.trusting(pinned), ItConfig.tlsPort()))) {
            assertEquals("OK@/", client.call("PWD"));
        }
    }

    private static int drain(DataInputStream in) throws IOException {
        byte[] rest = new byte[256];
        int n;
        while ((n = in.read(rest)) > 0) {
            // the alert's description byte
        }
        return n;
    }

    private static String info() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ItConfig.httpPort() + "/filedock/api/info"))
                        .header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().replace(" ", "");
    }
}
