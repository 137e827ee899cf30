package org.filedock.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of the server that cuts its first {@code cuts} connections once
 * {@code cutAfter} bytes went one way, as a dropping network would; later connections pass. Or,
 * armed by {@link #cutOnceAfter}, it cuts whichever connection carries the client's bytes when
 * that many more have passed (a browser's kept-alive or HTTP/2 connection, cut mid-upload).
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final long cutAfter;
    private final boolean cutUpstream;
    private final AtomicInteger cutsLeft;
    private final AtomicLong upstream = new AtomicLong();
    private final AtomicLong downstream = new AtomicLong();
    /** Client bytes still to pass before the armed cut; {@link Long#MAX_VALUE} when not armed. */
    private final AtomicLong armed = new AtomicLong(Long.MAX_VALUE);

    /** @param cutUpstream count the bytes the client sends (an upload), else those the server sends (a download) */
    CuttingProxy(int serverPort, long cutAfter, boolean cutUpstream, int cuts) throws IOException {
        this.listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.serverPort = serverPort;
        this.cutAfter = cutAfter;
        this.cutUpstream = cutUpstream;
        this.cutsLeft = new AtomicInteger(cuts);
        Thread acceptor = new Thread(this::acceptAll, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Cuts the connection that carries the client's bytes once {@code bytes} more have passed; once. */
    void cutOnceAfter(long bytes) {
        armed.set(bytes);
    }

    /** Whether the armed cut has happened (or none was armed). */
    boolean hasCut() {
        return armed.get() == Long.MAX_VALUE;
    }

    /** Bytes passed from clients to the server so far, on every connection (an upload's payload). */
    long bytesUpstream() {
        return upstream.get();
    }

    /** Bytes passed from the server to clients so far (a download's payload). */
    long bytesDownstream() {
        return downstream.get();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                long limit = cutsLeft.getAndDecrement() > 0 ? cutAfter : Long.MAX_VALUE;
                pump(client, server, cutUpstream ? limit : Long.MAX_VALUE, client, server, upstream, armed);
                pump(server, client, cutUpstream ? Long.MAX_VALUE : limit, client, server, downstream, null);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** @param budget the armed cut's bytes to go (for the client's direction), or null */
    private static void pump(Socket from, Socket to, long limit, Socket a, Socket b, AtomicLong counter,
                             AtomicLong budget) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            long moved = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, Math.max(1, limit - moved)))) > 0) {
                    out.write(buffer, 0, n);
                    moved += n;
                    counter.addAndGet(n);
                    if (moved >= limit || (budget != null && spend(budget, n))) {
                        break;
                    }
                }
            } catch (IOException ignored) {
                // the other direction closed first
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "cutting-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return true if these bytes used up the armed budget (which disarms it) */
    private static boolean spend(AtomicLong budget, long bytes) {
        while (true) {
            long left = budget.get();
            if (left == Long.MAX_VALUE) {
                return false;
            }
            boolean cut = left <= bytes;
            if (budget.compareAndSet(left, cut ? Long.MAX_VALUE : left - bytes)) {
                return cut;
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
