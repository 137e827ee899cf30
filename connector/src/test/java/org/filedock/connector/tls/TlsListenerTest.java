package org.filedock.connector.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.net.ssl.SSLException;

import org.filedock.api.Exchange;
import org.filedock.api.FileDockConfig;
import org.filedock.api.TlsConfig;
import org.filedock.connector.net.Await;
import org.filedock.connector.net.ProtocolServer;
import org.filedock.connector.net.ThreadPoolWorkManager;
import org.filedock.protocol.LineReader;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TLS listener on real loopback sockets with real {@code SSLSocket} clients, a thread pool
 * standing in for the work manager and a small dispatcher that streams payloads both ways
 * through the pooled-size direct buffers, as the storage does.
 */
class TlsListenerTest {

    private static final int MIB = 1024 * 1024;
    private static final ServerKey KEY = GeneratedKeyStore.create("localhost", "127.0.0.1");

    private ThreadPoolWorkManager workManager = new ThreadPoolWorkManager();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private ProtocolServer server;
    private TlsClients clients;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        if (server != null) {
            server.stop();
        }
        workManager.close();
    }

    @Test
    void theGreetingAndCommandsCrossTls13AndTls12() throws Exception {
        start();
        TlsClients.Client tls13 = connect();
        assertEquals("TLSv1.3", tls13.socket.getSession().getProtocol());
        assertEquals("OK@/", tls13.call("PWD"));
        TlsClients.Client tls12 = connect("TLSv1.2");
        assertEquals("TLSv1.2", tls12.socket.getSession().getProtocol());
        assertTrue(tls12.socket.getSession().getCipherSuite().startsWith("TLS_ECDHE_"));
        tls12.send("PWD\nPWD\nPWD\n"); // pipelined
        for (int i = 0; i < 3; i++) {
            assertEquals("OK@/", tls12.in.readLine());
        }
        assertEquals(2, server.openSessions());
        assertEquals(CertificateFingerprint.of(KEY.certificate()), server.tlsFingerprint());
    }

    @Test
    void sixtyFourMebibytesCrossByteIdenticalBothWays() throws Exception {
        start();
        TlsClients.Client client = connect();
        long size = 64L * MIB;

        client.send("UPLOAD " + size + " 7\n");
        assertEquals("OK@Ready", client.in.readLine());
        OutputStream out = client.socket.getOutputStream();
        byte[] chunk = new byte[100_000];
        for (long sent = 0; sent < size; sent += chunk.length) {
            int n = (int) Math.min(chunk.length, size - sent);
            Payloads.fill(chunk, sent, n);
            out.write(chunk, 0, n);
        }
        out.flush();
        assertEquals("OK@" + Payloads.digest(size), client.in.readLine());

        assertEquals("OK@" + size, client.call("DOWNLOAD " + size));
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = client.in.read(buffer, 0, (int) Math.min(buffer.length, left));
            assertTrue(n > 0, "the download ended early");
            received.update(buffer, 0, n);
            left -= n;
        }
        assertEquals("OK@Download complete", client.in.readLine());
        assertEquals(Payloads.digest(size), HexFormat.of().formatHex(received.digest()));
        assertEquals("OK@/", client.call("PWD"));
    }

    @Test
    void plainTextOnTheTlsPortIsClosedWithoutHarmingOthers() throws Exception {
        start();
        TlsClients.Client good = connect();
        try (Socket plain = new Socket()) {
            plain.setSoTimeout(10_000);
            plain.connect(new InetSocketAddress("127.0.0.1", server.tlsPort()));
            plain.getOutputStream().write("PWD\nPWD\nPWD\nPWD\n".getBytes(StandardCharsets.UTF_8));
            assertClosedByServer(plain.getInputStream());
        }
        assertEquals("OK@/", good.call("PWD"));
        Await.until(() -> server.openSessions() == 1, "the garbage connection is forgotten");
    }

    @Test
    void aHandshakeThatStallsIsCutOffAfterThePayloadTimeout() throws Exception {
        start("filedock.payload-timeout", "1", "filedock.idle-timeout", "300");
        try (Socket silent = new Socket()) {
            silent.setSoTimeout(10_000);
            silent.connect(new InetSocketAddress("127.0.0.1", server.tlsPort()));
            long started = System.nanoTime();
            assertClosedByServer(silent.getInputStream());
            long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(waited >= 900 && waited < 8000, waited + " ms");
        }
        assertEquals("OK@/", connect().call("PWD"));
    }

    @Test
    void manyClientsHandshakeAtOnceAndThenHoldNoThread() throws Exception {
        start();
        int count = 200;
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            List<Future<TlsClients.Client>> connecting = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                connecting.add(threads.submit(() -> {
                    TlsClients.Client client = connect();
                    assertEquals("OK@/", client.call("PWD"));
                    return client;
                }));
            }
            for (Future<TlsClients.Client> f : connecting) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(count, server.openSessions());
        Await.until(() -> workManager.running() == 1, "every worker returned to the pool");
    }

    @Test
    void aTls13KeyUpdateIsAnsweredAndATls12RenegotiationRefused() throws Exception {
        start();
        TlsClients.Client tls13 = connect();
        assertEquals("OK@/", tls13.call("PWD"));
        tls13.socket.startHandshake(); // on an established TLS 1.3 connection: a KeyUpdate
        for (int i = 0; i < 5; i++) {
            assertEquals("OK@/", tls13.call("PWD"));
        }

        TlsClients.Client tls12 = connect("TLSv1.2");
        assertEquals("OK@/", tls12.call("PWD"));
        assertThrows(IOException.class, () -> {
            tls12.socket.startHandshake();
            tls12.call("PWD");
            tls12.call("PWD");
        });
        Await.until(() -> server.openSessions() == 1, "the renegotiating connection is closed");
    }

    @Test
    void aTls11ClientHelloGetsAFatalAlertAndIsClosed() throws Exception {
        start();
        try (Socket old = new Socket()) {
            old.setSoTimeout(10_000);
            old.connect(new InetSocketAddress("127.0.0.1", server.tlsPort()));
            old.getOutputStream().write(Tls11ClientHello.bytes());
            java.io.DataInputStream in = new java.io.DataInputStream(old.getInputStream());
            byte[] alert = new byte[7];
            in.readFully(alert);
            assertEquals(21, alert[0], "an alert record, not a ServerHello");
            assertEquals(2, alert[5], "fatal");
            assertEquals(70, alert[6], "protocol_version");
            assertClosedByServer(in);
        }
        assertEquals("OK@/", connect().call("PWD"));
    }

    @Test
    void aClientsCloseNotifyEndsItsSession() throws Exception {
        start();
        TlsClients.Client client = connect();
        assertEquals("OK@/", client.call("PWD"));
        client.socket.close();
        Await.until(() -> server.openSessions() == 0, "the session is forgotten");
    }

    @Test
    void theConnectionLimitCountsBothListeners() throws Exception {
        start("filedock.max-connections", "2", FileDockConfig.PORT, "0");
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", server.port()));
            LineReader plainIn = new LineReader(plain.getInputStream());
            assertTrue(plainIn.readLine().startsWith("OK@Welcome"));
            connect();
            Await.until(() -> server.openSessions() == 2, "both are counted");
            assertThrows(IOException.class, () -> connect().call("PWD"), "the third is closed before its handshake");
            try (Socket third = new Socket()) {
                third.connect(new InetSocketAddress("127.0.0.1", server.port()));
                assertEquals("ERR@LIMIT too many connections", new LineReader(third.getInputStream()).readLine());
            }
        }
    }

    @Test
    void aClientThatTrustsAnotherCertificateFailsTheHandshake() throws Exception {
        start();
        TlsClients stranger = new TlsClients(GeneratedKeyStore.create("localhost", "127.0.0.1").certificate());
        assertThrows(SSLException.class, () -> stranger.connect(server.tlsPort()).socket.startHandshake());
        assertEquals("OK@/", connect().call("PWD"));
    }

    @Test
    void onlyTls13And12AndStrongSuitesAreEnabled() throws Exception {
        var engine = javax.net.ssl.SSLContext.getDefault().createSSLEngine();
        TlsPolicy.apply(engine);
        for (String protocol : engine.getEnabledProtocols()) {
            assertTrue(TlsPolicy.PROTOCOLS.contains(protocol), protocol);
        }
        for (String suite : engine.getEnabledCipherSuites()) {
            assertTrue(suite.contains("GCM") || suite.contains("CHACHA20"), suite);
            assertTrue(suite.startsWith("TLS_AES") || suite.startsWith("TLS_CHACHA20") || suite.startsWith("TLS_ECDHE_"),
                    suite);
        }
        assertArrayEquals(new String[0], TlsPolicy.strongSuites(new String[] {
                "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_ECDH_anon_WITH_AES_128_CBC_SHA"}));
    }

    private void start(String... properties) throws Exception {
        Properties p = new Properties();
        p.setProperty(FileDockConfig.PORT, "off");
        p.setProperty(TlsConfig.PORT, "0");
        p.setProperty(FileDockConfig.ROOT, System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < properties.length; i += 2) {
            p.setProperty(properties[i], properties[i + 1]);
        }
        TlsTransports transports = new TlsTransports(KEY);
        server = new ProtocolServer(FileDockConfig.from(p), workManager, () -> this::dispatch, transports);
        server.start();
        clients = new TlsClients(KEY.certificate());
    }

    private TlsClients.Client connect(String... protocols) throws IOException {
        TlsClients.Client client = clients.connect(server.tlsPort(), protocols);
        synchronized (opened) {
            opened.add(client);
        }
        String greeting = client.in.readLine();
        assertTrue(greeting != null && greeting.startsWith("OK@Welcome to the server"), greeting);
        return client;
    }

    /** PWD; {@code UPLOAD <size>}: the payload's SHA-256; {@code DOWNLOAD <size>}: {@link Payloads} bytes. */
    private Reply dispatch(Request request, Exchange exchange) {
        try {
            return switch (request.verb()) {
                case "UPLOAD" -> upload(Long.parseLong(request.arg(0)), exchange);
                case "DOWNLOAD" -> download(Long.parseLong(request.arg(0)), exchange);
                default -> Reply.ok("/");
            };
        } catch (IOException e) {
            return Reply.disconnected("payload failed");
        }
    }

    private static Reply upload(long size, Exchange exchange) throws IOException {
        ReadableByteChannel payload = exchange.receivePayload(size);
        exchange.send(Reply.ok("Ready"));
        MessageDigest digest = Payloads.sha256();
        ByteBuffer buffer = ByteBuffer.allocateDirect(MIB);
        while (payload.read(buffer.clear()) >= 0) {
            digest.update(buffer.flip());
        }
        return Reply.ok(HexFormat.of().formatHex(digest.digest()));
    }

    private static Reply download(long size, Exchange exchange) throws IOException {
        exchange.send(Reply.ok(Long.toString(size)));
        WritableByteChannel sink = exchange.payloadSink();
        ByteBuffer buffer = ByteBuffer.allocateDirect(MIB);
        byte[] chunk = new byte[MIB];
        for (long sent = 0; sent < size; ) {
            int n = (int) Math.min(MIB, size - sent);
            Payloads.fill(chunk, sent, n);
            buffer.clear().put(chunk, 0, n).flip();
            while (buffer.hasRemaining()) {
                sink.write(buffer);
            }
            sent += n;
        }
        sink.close();
        return Reply.ok("Download complete");
    }

    /** The server closed the connection: end of stream, or a reset for the bytes it did not read. */
    private static void assertClosedByServer(InputStream in) throws IOException {
        try {
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // a TLS alert may come first
            }
        } catch (SocketException e) {
            // connection reset: closed with unread input
        }
    }

}
