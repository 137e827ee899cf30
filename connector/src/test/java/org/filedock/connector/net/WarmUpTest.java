package org.filedock.connector.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.filedock.api.Exchange;
import org.filedock.api.FileDockConfig;
import org.filedock.protocol.LineReader;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up after a start, against a real listener on loopback with a counting dispatcher. */
class WarmUpTest {

    private final ThreadPoolWorkManager workManager = new ThreadPoolWorkManager();
    private final Map<String, AtomicInteger> dispatched = new ConcurrentHashMap<>();
    private ProtocolServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        workManager.close();
    }

    @Test
    void sendsTheGivenNumberOfReadOnlyCommandsThenDisconnects() throws Exception {
        start();
        server.warmUp(1000);
        Await.until(() -> count("DISCONNECT") == 1, "the warm-up said goodbye");
        assertEquals(334, count("PWD"));
        assertEquals(333, count("STAT"));
        assertEquals(333, count("CHDIR"));
        assertEquals(Map.of("PWD", 334, "STAT", 333, "CHDIR", 333, "DISCONNECT", 1).keySet(), dispatched.keySet(),
                "nothing else ran");
        Await.until(() -> server.openSessions() == 0, "its session is gone");
        Await.until(() -> workManager.running() == 1, "only the selector loop runs");
    }

    @Test
    void pausesWhileAUserIsConnected() throws Exception {
        start();
        server.warmUp(10_000_000);
        Await.until(() -> count("PWD") > 100, "the warm-up runs");
        try (Socket user = new Socket()) {
            user.connect(new InetSocketAddress("127.0.0.1", server.port()));
            LineReader in = new LineReader(user.getInputStream());
            assertTrue(in.readLine().startsWith("OK@"));
            // the user's session counts from before its greeting: at most the command in flight follows
            int paused = sent();
            for (int i = 0; i < 20; i++) {
                user.getOutputStream().write("PWD\n".getBytes());
                assertEquals("OK@/", in.readLine());
            }
            int more = sent() - paused - 20;
            assertTrue(more == 0 || more == 1, more + " warm-up commands beside the user");
        }
        Await.until(() -> sent() > 0 && server.openSessions() == 1 && count("PWD") > 100, "the user left");
        int resumed = sent();
        Await.until(() -> sent() > resumed, "the warm-up goes on");
    }

    @Test
    void noCommandsMeansNoWarmUp() throws Exception {
        start();
        server.warmUp(0);
        assertEquals(1, workManager.running(), "only the selector loop");
        assertEquals(0, server.openSessions());
    }

    @Test
    void aFullServerRefusesItAndItsClientsAreNotDisturbed() throws Exception {
        start(FileDockConfig.MAX_CONNECTIONS, "1");
        try (Socket user = new Socket()) {
            user.connect(new InetSocketAddress("127.0.0.1", server.port()));
            LineReader in = new LineReader(user.getInputStream());
            assertTrue(in.readLine().startsWith("OK@"));
            server.warmUp(1000);
            Await.until(() -> workManager.running() == 1, "the refused warm-up returned");
            assertEquals(0, dispatched.size(), "no command ran");
            user.getOutputStream().write("PWD\n".getBytes());
            assertEquals("OK@/", in.readLine());
        }
    }

    @Test
    void theSettingIsACountOffByDefaultAndATypoIsRefusedByName() {
        assertEquals(0, ProtocolServer.warmUpCommands(new Properties()), "off unless asked for");
        Properties on = new Properties();
        on.setProperty(WarmUp.COMMANDS, "30000");
        assertEquals(30_000, ProtocolServer.warmUpCommands(on));
        Properties typo = new Properties();
        typo.setProperty(WarmUp.COMMANDS, "lots");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProtocolServer.warmUpCommands(typo));
        assertTrue(e.getMessage().startsWith("filedock.warmup:"), e.getMessage());
    }

    @Test
    void aWildcardBindIsReachedOnLoopback() throws Exception {
        assertEquals(new InetSocketAddress(InetAddress.getLoopbackAddress(), 7021), WarmUp.loopbackTarget("0.0.0.0", 7021));
        assertEquals(new InetSocketAddress("127.0.0.1", 7021), WarmUp.loopbackTarget("127.0.0.1", 7021));
    }

    private int sent() {
        return count("PWD") + count("STAT") + count("CHDIR");
    }

    private int count(String verb) {
        AtomicInteger n = dispatched.get(verb);
        return n == null ? 0 : n.get();
    }

    private void start(String... properties) throws Exception {
        server = new ProtocolServer(PlainListenerConfig.with(properties), workManager, () -> this::dispatch);
        server.start();
    }

    private Reply dispatch(Request request, Exchange exchange) {
        dispatched.computeIfAbsent(request.verb(), v -> new AtomicInteger()).incrementAndGet();
        return request.verb().equals("DISCONNECT") ? Reply.disconnected("Bye") : Reply.ok("/");
    }
}
