package org.filedock.connector.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.spi.work.Work;

import org.filedock.api.PropertyValues;
import org.filedock.protocol.Reply;

/**
 * A client on loopback that sends read-only commands ({@code PWD}, {@code STAT /}, {@code CHDIR /})
 * right after the listener opens, one at a time as a user's client does, until it has sent
 * {@code filedock.warmup} commands or {@link #LIMIT} has passed. Right after a start the command
 * path (selector, work manager, MDB, executor, storage) runs interpreted and the JIT compiles it
 * only under load; this load comes before the users' (issue 14 measured a just-started server at
 * half its warm speed for minutes). None of these commands changes a file or is audited; with
 * accounts required they are answered {@code AUTH_REQUIRED}, which still runs most of the path.
 * It yields to users: while another session is open it sends nothing (measured on two busy
 * cores, a warm-up beside a user's first commands took the CPU they needed and slowed them 3-10x
 * for its 20 s); a probe that connects and leaves only pauses it. It stops when the server refuses
 * or drops it (a full server, a shutdown). So it uses the time between a start and the first
 * clients, and never competes with them.
 */
final class WarmUp implements Work {

    static final String COMMANDS = "filedock.warmup";
    /** Off by default: on a quiet machine it measured no gain (docs/performance.md). */
    static final int DEFAULT_COMMANDS = 0;
    static final Duration LIMIT = Duration.ofSeconds(20);
    /** How long the warm-up waits before it looks again whether it is alone on the server. */
    private static final Duration PAUSE = Duration.ofMillis(50);
    private static final List<String> LINES = List.of("PWD\n", "STAT /\n", "CHDIR /\n");
    private static final String DISCONNECTED = Reply.disconnected("").toLine();
    private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());

    private final InetSocketAddress server;
    private final int commands;
    private final IntSupplier openSessions;
    private volatile boolean released;
    private volatile Socket socket;

    /** @param openSessions the sessions open on the server, the warm-up's own included */
    WarmUp(InetSocketAddress server, int commands, IntSupplier openSessions) {
        this.server = server;
        this.commands = commands;
        this.openSessions = openSessions;
    }

    /** Commands to send, from {@code filedock.warmup} (0 switches the warm-up off). */
    static int commands(Properties properties) {
        return (int) PropertyValues.number(properties, COMMANDS, DEFAULT_COMMANDS, 0, 10_000_000);
    }

    /** Where a client on this machine reaches a listener bound to {@code bindAddress}. */
    static InetSocketAddress loopbackTarget(String bindAddress, int port) throws IOException {
        InetAddress bound = InetAddress.getByName(bindAddress);
        return new InetSocketAddress(bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound, port);
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        long deadline = started + LIMIT.toNanos();
        int sent = 0;
        try (Socket s = new Socket()) {
            socket = s;
            s.setTcpNoDelay(true);
            s.connect(server, (int) Duration.ofSeconds(5).toMillis());
            s.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            if (!isOk(in.readLine())) {
                return; // refused (full, shutting down)
            }
            while (sent < commands && !released && System.nanoTime() - deadline < 0) {
                if (openSessions.getAsInt() > 1) {
                    Thread.sleep(PAUSE.toMillis());
                    continue;
                }
                out.write(LINES.get(sent % LINES.size()).getBytes(StandardCharsets.UTF_8));
                String reply = in.readLine();
                if (reply == null || reply.startsWith(DISCONNECTED)) {
                    break;
                }
                sent++;
            }
            out.write("DISCONNECT\n".getBytes(StandardCharsets.UTF_8));
            in.readLine();
        } catch (IOException e) {
            LOG.log(Level.FINE, "warm-up ended early", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket = null;
        }
        int done = sent;
        LOG.info(() -> String.format("FileDock warm-up: %d commands on loopback in %d ms", done,
                Duration.ofNanos(System.nanoTime() - started).toMillis()));
    }

    private static boolean isOk(String line) {
        return line != null && line.startsWith(Reply.ok("").toLine());
    }

    /** The work manager is stopping: end now. */
    @Override
    public void release() {
        released = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the warm-up's socket", e);
            }
        }
    }
}
