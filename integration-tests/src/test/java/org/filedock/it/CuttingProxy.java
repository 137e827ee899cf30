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
 * {@code cutAfter} bytes went one way, as a dropping network would; later connections pass.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final long cutAfter;
    private final boolean cutUpstream;
    private final AtomicInteger cutsLeft;
    private final AtomicLong upstream = new AtomicLong();
    private final AtomicLong downstream = new AtomicLong();

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
                pump(client, server, cutUpstream ? limit : Long.MAX_VALUE, client, server, upstream);
                pump(server, client, cutUpstream ? Long.MAX_VALUE : limit, client, server, downstream);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, long limit, Socket a, Socket b, AtomicLong counter) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            long moved = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, Math.max(1, limit - moved)))) > 0) {
                    out.write(buffer, 0, n);
                    moved += n;
                    counter.addAndGet(n);
                    if (moved >= limit) {
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
