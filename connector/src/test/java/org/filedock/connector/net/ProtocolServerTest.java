package org.filedock.connector.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.filedock.api.Exchange;
import org.filedock.protocol.LineReader;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listener's limits and timeouts on real loopback sockets, with a thread pool standing in
 * for the container's work manager and a small dispatcher standing in for the endpoint.
 */
class ProtocolServerTest {

    private ThreadPoolWorkManager workManager = new ThreadPoolWorkManager();
    private final CompletableFuture<IOException> payloadFailure = new CompletableFuture<>();
    private final List<Client> clients = new ArrayList<>();
    /** LATE commands dispatched so far. */
    private final AtomicInteger heldBack = new AtomicInteger();
    private ProtocolServer server;

    @AfterEach
    void stop() throws Exception {
        for (Client client : clients) {
            client.socket.close();
        }
        if (server != null) {
            server.stop();
        }
        workManager.close();
    }

    @Test
    void aSessionWithoutCommandsIsClosedAfterTheIdleTimeout() throws Exception {
        start("filedock.idle-timeout", "1");
        Client client = connect();
        long started = System.nanoTime();
        assertEquals("ERR@TIMEOUT idle timeout", client.in.readLine());
        assertEquals("DISCONNECTED@idle timeout", client.in.readLine());
        assertNull(client.in.readLine());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(waited >= 900 && waited < 5000, waited + " ms");
        Await.until(() -> server.openSessions() == 0, "the session is forgotten");
    }

    @Test
    void commandsKeepASessionAliveAndHalfALineDoesNot() throws Exception {
        start("filedock.idle-timeout", "1");
        Client active = connect();
        Client halfLine = connect();
        halfLine.send("PW");
        for (int i = 0; i < 8; i++) {
            assertEquals("OK@/", active.call("PWD"));
            Thread.sleep(250);
        }
        assertEquals("ERR@TIMEOUT idle timeout", halfLine.in.readLine());
        assertEquals("DISCONNECTED@idle timeout", halfLine.in.readLine());
        assertEquals("OK@/", active.call("PWD"));
    }

    @Test
    void theConnectionOverTheLimitIsRefusedAndAFreedPlaceIsTakenAgain() throws Exception {
        start("filedock.max-connections", "3");
        Client first = connect();
        connect();
        connect();
        try (Socket over = new Socket()) {
            over.connect(new InetSocketAddress("127.0.0.1", server.port()));
            LineReader in = new LineReader(over.getInputStream());
            assertEquals("ERR@LIMIT too many connections", in.readLine());
            assertNull(in.readLine());
        }
        assertEquals("OK@/", first.call("PWD"), "the others are not affected");
        first.socket.close();
        clients.remove(first);
        Await.until(() -> server.openSessions() == 2, "the closed connection is noticed");
        assertEquals("OK@/", connect().call("PWD"));
    }

    @Test
    void idleConnectionsHoldNoThread() throws Exception {
        start();
        for (int i = 0; i < 200; i++) {
            assertEquals("OK@/", connect().call("PWD"));
        }
        // the selector loop is the only work left running
        Await.until(() -> workManager.running() == 1, "every worker returned");
        assertEquals(200, server.openSessions());
    }

    @Test
    void stoppingEndsARunningTransferAtOnceAndSaysWhyToItsClient() throws Exception {
        start("filedock.payload-timeout", "60");
        Client uploader = connect();
        Client idle = connect();
        uploadTenOfAHundredBytes(uploader);

        long started = System.nanoTime();
        server.stop();
        server = null;

        assertTrue(payloadFailure.get(5, TimeUnit.SECONDS) != null, "the transfer failed");
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 5);
        assertEquals("DISCONNECTED@server shutting down", uploader.in.readLine());
        assertEquals("DISCONNECTED@server shutting down", idle.in.readLine());
        assertNull(idle.in.readLine());
        Await.until(() -> workManager.running() == 0, "every worker returned");
    }

    @Test
    void whenTheApplicationStopsClientsAreToldAndNewcomersTurnedAway() throws Exception {
        start();
        Client uploader = connect();
        uploader.send("UPLOAD 100\n");
        assertEquals("OK@Ready", uploader.in.readLine());

        server.shuttingDown();

        assertTrue(payloadFailure.get(5, TimeUnit.SECONDS) != null, "the transfer failed");
        assertEquals("DISCONNECTED@server shutting down", uploader.in.readLine());
        try (Socket late = new Socket()) {
            late.connect(new InetSocketAddress("127.0.0.1", server.port()));
            LineReader in = new LineReader(late.getInputStream());
            assertEquals("DISCONNECTED@server shutting down", in.readLine());
            assertNull(in.readLine());
        }
    }

    @Test
    void thePayloadTimeoutEndsAStalledTransfer() throws Exception {
        start("filedock.payload-timeout", "1");
        Client uploader = connect();
        uploader.send("UPLOAD 100\n");
        assertEquals("OK@Ready", uploader.in.readLine());
        IOException failure = payloadFailure.get(5, TimeUnit.SECONDS);
        assertEquals("no payload byte for 1 s", failure.getMessage());
    }

    @Test
    void aConnectionThatPipelinesLetsAnotherInWhenTheWorkersRunShort() throws Exception {
        workManager.close();
        workManager = new ThreadPoolWorkManager(2); // the selector loop and one worker
        start();
        Client busy = connect();
        Client other = connect();
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        byte[] burst = "PWD\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        // the busy client never waits for a reply, so its worker always has a line at hand
        Thread writer = new Thread(() -> {
            try {
                while (!stop.get()) {
                    busy.socket.getOutputStream().write(burst);
                }
            } catch (IOException e) {
                // the test is over
            }
        });
        Thread reader = new Thread(() -> {
            try {
                while ("OK@/".equals(busy.in.readLine())) {
                    answered.incrementAndGet();
                }
            } catch (IOException e) {
                // the test is over
            }
        });
        writer.start();
        reader.start();
        try {
            Await.until(() -> answered.get() > 1000, "the busy connection holds the only worker");
            assertEquals("OK@/", other.call("PWD"));
            int whenOtherWasServed = answered.get();
            Await.until(() -> answered.get() > whenOtherWasServed, "the busy connection is served again");
        } finally {
            stop.set(true);
            busy.socket.close();
            writer.join(10_000);
            reader.join(10_000);
        }
    }

    @Test
    void aHeldReplyComesNoSoonerThanAskedAndTheNextLinesWaitForIt() throws Exception {
        start();
        Client client = connect();
        long started = System.nanoTime();
        client.send("LATE 300\nPWD\n");
        assertEquals("OK@late", client.in.readLine());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(waited >= 300, waited + " ms");
        assertEquals("OK@/", client.in.readLine(), "the pipelined line ran after the held reply");
        assertEquals("OK@/", client.call("PWD"));
    }

    @Test
    void heldRepliesHoldNoWorker() throws Exception {
        workManager.close();
        workManager = new ThreadPoolWorkManager(2); // the selector loop and one worker
        start();
        List<Client> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Client client = connect();
            client.send("LATE 5000\n");
            waiting.add(client);
        }
        Await.until(() -> heldBack.get() == 5, "every LATE was dispatched");
        Client other = connect();
        assertEquals("OK@/", other.call("PWD"), "the only worker is free for others");
        Await.until(() -> workManager.running() == 1, "only the selector loop runs");
        for (Client client : waiting) {
            assertEquals(0, client.socket.getInputStream().available(), "still held back");
        }
        for (Client client : waiting) {
            assertEquals("OK@late", client.in.readLine());
        }
    }

    @Test
    void aHeldGoodbyeClosesTheConnectionWhenItIsSent() throws Exception {
        start();
        Client client = connect();
        long started = System.nanoTime();
        client.send("LATEBYE 200\n");
        assertEquals("DISCONNECTED@late goodbye", client.in.readLine());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) >= 200);
        assertNull(client.in.readLine());
        Await.until(() -> server.openSessions() == 0, "the session is forgotten");
    }

    @Test
    void stoppingDisconnectsAConnectionWhoseReplyIsHeld() throws Exception {
        start();
        Client client = connect();
        client.send("LATE 60000\n");
        Await.until(() -> heldBack.get() == 1 && workManager.running() == 1, "the reply is held");
        server.stop();
        server = null;
        assertEquals("DISCONNECTED@server shutting down", client.in.readLine());
        assertNull(client.in.readLine());
    }

    @Test
    void aDrainRefusesNewcomersDisconnectsTheIdleAndLetsARunningTransferFinish() throws Exception {
        start("filedock.payload-timeout", "60");
        int port = server.port();
        Client uploader = connect();
        Client idle = connect();
        uploadTenOfAHundredBytes(uploader);

        CompletableFuture<Void> drained = server.drain(Duration.ofSeconds(30));

        assertFalse(server.accepting());
        assertEquals("DISCONNECTED@server shutting down", idle.in.readLine());
        assertNull(idle.in.readLine());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "the port is closed");
        assertFalse(drained.isDone(), "the transfer still runs");

        uploader.socket.getOutputStream().write(new byte[90]);
        assertEquals("OK@File uploaded", uploader.in.readLine());
        drained.get(5, TimeUnit.SECONDS);
        assertEquals("DISCONNECTED@server shutting down", uploader.in.readLine());
        assertNull(uploader.in.readLine());
        assertEquals(0, server.openSessions());
    }

    @Test
    void aTransferStillRunningWhenTheDrainsBoundPassesIsCutOff() throws Exception {
        start("filedock.payload-timeout", "60");
        Client uploader = connect();
        uploadTenOfAHundredBytes(uploader);

        server.drain(Duration.ofMillis(200)).get(5, TimeUnit.SECONDS);

        assertTrue(payloadFailure.get(5, TimeUnit.SECONDS) != null, "the transfer failed as on a dropped connection");
        assertEquals(0, server.openSessions());
    }

    @Test
    void afterADrainTheServerAcceptsAgainOnTheSamePort() throws Exception {
        start();
        int port = server.port();
        server.drain(Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
        server.acceptAgain();
        assertTrue(server.accepting());
        assertEquals(port, server.port());
        assertEquals("OK@/", connect().call("PWD"));
    }

    private void start(String... properties) throws Exception {
        server = new ProtocolServer(PlainListenerConfig.with(properties), workManager, () -> this::dispatch);
        server.start();
    }

    /**
     * PWD; an UPLOAD without a path that only reads its payload; {@code LATE <ms>} and
     * {@code LATEBYE <ms>}, whose replies are held back that long.
     */
    private Reply dispatch(Request request, Exchange exchange) {
        if (request.verb().startsWith("LATE")) {
            heldBack.incrementAndGet();
            exchange.replyNoSoonerThan(Duration.ofMillis(Long.parseLong(request.arg(0))));
            return request.verb().equals("LATEBYE") ? Reply.disconnected("late goodbye") : Reply.ok("late");
        }
        if (request.verb().equals("UPLOAD")) {
            long size = Long.parseLong(request.arg(0));
            try {
                ReadableByteChannel payload = exchange.receivePayload(size);
                exchange.send(Reply.ok("Ready"));
                ByteBuffer buffer = ByteBuffer.allocate(64);
                while (payload.read(buffer.clear()) >= 0) {
                    // read to the end
                }
                return Reply.ok("File uploaded");
            } catch (IOException e) {
                payloadFailure.complete(e);
                return Reply.disconnected("payload failed");
            }
        }
        return Reply.ok("/");
    }

    /** Starts an upload of 100 bytes and sends the first 10: its worker waits for the rest. */
    private void uploadTenOfAHundredBytes(Client uploader) throws Exception {
        uploader.send("UPLOAD 100\n");
        assertEquals("OK@Ready", uploader.in.readLine());
        uploader.socket.getOutputStream().write(new byte[10]);
        Await.until(() -> workManager.running() == 2, "the transfer is under way");
    }

    private Client connect() throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
        Client client = new Client(socket);
        clients.add(client);
        assertTrue(client.in.readLine().startsWith("OK@Welcome to the server"));
        return client;
    }


    private static final class Client {
        final Socket socket;
        final LineReader in;

        Client(Socket socket) throws IOException {
            this.socket = socket;
            InputStream input = socket.getInputStream();
            this.in = new LineReader(input);
        }

        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        }

        String call(String line) throws IOException {
            send(line + "\n");
            return in.readLine();
        }
    }
}
