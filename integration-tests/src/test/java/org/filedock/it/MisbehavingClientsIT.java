package org.filedock.it;

import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that send garbage, half lines, nothing at all, or floods of tiny commands, all at
 * once: a well-behaved client beside them keeps being served quickly and correctly, and the
 * server answers the bad ones with well-formed replies only.
 */
@ExtendWith(ArquillianExtension.class)
class MisbehavingClientsIT {

    private static final Pattern REPLY = Pattern.compile("(OK@.*|ERR@[A-Z_]+( .*)?|DISCONNECTED@.*)");
    private static final int FLOODERS = 8;
    private static final int FLOOD_COMMANDS = 5000;
    private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(3);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @Test
    void aWellBehavedClientIsServedWhileOthersMisbehave() throws Exception {
        ServerLog log = ServerLog.mark();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService threads = Executors.newCachedThreadPool();
        List<WireClient> silent = new ArrayList<>();
        List<WireClient> halfLines = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                silent.add(WireClient.connect()); // connect and wait
            }
            for (int i = 0; i < 20; i++) {
                WireClient half = WireClient.connect();
                half.sendRaw("UPLOAD half-a-li".getBytes(StandardCharsets.US_ASCII));
                halfLines.add(half);
            }
            List<Future<?>> bad = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                long seed = i;
                bad.add(threads.submit(() -> garbage(seed, stop)));
            }
            for (int i = 0; i < FLOODERS; i++) {
                bad.add(threads.submit(MisbehavingClientsIT::flood));
            }
            bad.add(threads.submit(MisbehavingClientsIT::endlessLine));

            Duration slowest = wellBehavedSession();

            stop.set(true);
            for (Future<?> future : bad) {
                future.get(120, TimeUnit.SECONDS);
            }
            assertTrue(slowest.compareTo(SLOWEST_ALLOWED) < 0, "slowest command of the good client: " + slowest);
            for (WireClient client : silent) {
                assertEquals("OK@/", client.call("PWD"), "waiting clients are still served");
            }
            for (WireClient client : halfLines) {
                assertEquals("ERR@BAD_REQUEST usage: UPLOAD <path> <size> [resume] [sha256=<hex>]", client.call("ne"), "the half line, ended");
                assertEquals("OK@/", client.call("PWD"));
            }
        } finally {
            stop.set(true);
            threads.shutdownNow();
            for (WireClient client : silent) {
                client.close();
            }
            for (WireClient client : halfLines) {
                client.close();
            }
        }
        String logged = log.since();
        assertFalse(logged.contains("unexpected failure"), "no unexpected failure in the server log");
        assertFalse(logged.contains("the FileDock listener failed"), "the listener survived");
    }

    /** Commands and transfers of a client that does everything right; returns its slowest step. */
    private static Duration wellBehavedSession() throws IOException {
        Duration slowest = Duration.ZERO;
        String home = "/good-" + UUID.randomUUID();
        try (WireClient good = WireClient.connect()) {
            assertEquals("OK@" + home + " created", good.call("MKDIR " + home));
            byte[] content = new byte[256 * 1024];
            new Random(1).nextBytes(content);
            for (int round = 0; round < 30; round++) {
                long started = System.nanoTime();
                assertEquals("OK@Directory changed to " + home, good.call("CHDIR " + home));
                good.upload("f" + round, content);
                assertEquals(content.length, good.download("f" + round).length);
                assertEquals(round + 1, good.dir(null).size());
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                slowest = took.compareTo(slowest) > 0 ? took : slowest;
            }
        }
        return slowest;
    }

    /** Random bytes, newlines among them, until told to stop; every reply must be well formed. */
    private static Void garbage(long seed, AtomicBoolean stop) throws Exception {
        Random random = new Random(seed);
        try (WireClient client = WireClient.connect()) {
            FutureTask<String> malformed = new FutureTask<>(() -> firstMalformedReply(client));
            new Thread(malformed, "garbage-replies-" + seed).start();
            byte[] chunk = new byte[4096];
            while (!stop.get()) {
                random.nextBytes(chunk);
                client.sendRaw(chunk);
                Thread.sleep(1);
            }
            client.sendRaw("\nDISCONNECT\n".getBytes(StandardCharsets.US_ASCII)); // ends a partial line first
            assertEquals("", malformed.get(60, TimeUnit.SECONDS), "every reply to garbage is well formed");
        }
        return null;
    }

    /** Binary garbage with no newline at all: a line too long, which ends the connection. */
    private static Void endlessLine() throws IOException {
        try (WireClient client = WireClient.connect()) {
            byte[] noNewline = new byte[20_000];
            new Random(9).nextBytes(noNewline);
            for (int i = 0; i < noNewline.length; i++) {
                noNewline[i] = noNewline[i] == '\n' ? 0 : noNewline[i];
            }
            try {
                client.sendRaw(noNewline);
            } catch (SocketException e) {
                // the server may hang up before it read everything
            }
            assertEquals("ERR@BAD_REQUEST line too long", client.line());
            assertEquals("DISCONNECTED@line too long", client.line());
        }
        return null;
    }

    /** Reads replies to the end; returns the first one that is not a well-formed reply line, or "". */
    private static String firstMalformedReply(WireClient client) {
        try {
            String line;
            while ((line = client.line()) != null) {
                if (!REPLY.matcher(line).matches()) {
                    return line;
                }
            }
        } catch (IOException e) {
            return "broken reply stream: " + e;
        }
        return "";
    }

    /** Thousands of tiny commands in one go, then every reply read. */
    private static Void flood() throws IOException {
        try (WireClient client = WireClient.connect()) {
            Thread writer = new Thread(() -> {
                try {
                    client.sendRaw("PWD\n".repeat(FLOOD_COMMANDS).getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            for (int i = 0; i < FLOOD_COMMANDS; i++) {
                assertEquals("OK@/", client.line());
            }
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
