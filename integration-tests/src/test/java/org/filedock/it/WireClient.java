package org.filedock.it;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.filedock.protocol.LineReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A raw protocol client for tests: writes request lines and bytes, reads reply lines exactly as sent. */
final class WireClient implements Closeable {

    private final Socket socket;
    private final OutputStream out;
    private final LineReader in;
    private final String greeting;

    private WireClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new LineReader(socket.getInputStream(), 1 << 20);
        this.greeting = line();
    }

    static WireClient connect() throws IOException {
        return connect(ItConfig.filedockPort(), 0);
    }

    static WireClient connect(int port) throws IOException {
        return connect(port, 0);
    }

    /** A receive buffer of {@code receiveBufferBytes} (0: the default) makes a client that stops reading stall the server soon. */
    static WireClient connect(int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        return new WireClient(socket);
    }

    /** This end of the connection as the server reports it: {@code 127.0.0.1:<port>}. */
    String localAddress() {
        return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    String greeting() {
        return greeting;
    }

    /** The next reply line, or {@code null} when the server closed the connection. */
    String line() throws IOException {
        return in.readLine();
    }

    void send(String line) throws IOException {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Makes a directory of this test's own, {@code /<prefix>-<random>}, and goes into it, so that
     * tests sharing the server never meet each other's files. Returns its absolute path.
     */
    String enterOwnDirectory(String prefix) throws IOException {
        String home = "/" + prefix + "-" + UUID.randomUUID();
        assertEquals("OK@" + home + " created", call("MKDIR " + home));
        assertEquals("OK@Directory changed to " + home, call("CHDIR " + home));
        return home;
    }

    /** Sends a line and returns the one reply line. */
    String call(String line) throws IOException {
        send(line);
        return line();
    }

    byte[] readBytes(long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.readPayload(bytes, size);
        return bytes.toByteArray();
    }

    void readPayloadTo(OutputStream target, long size) throws IOException {
        in.readPayload(target, size);
    }

    void upload(String path, byte[] content) throws IOException {
        assertEquals("OK@Ready", call("UPLOAD " + path + " " + content.length));
        sendRaw(content);
        assertEquals("OK@File uploaded", line());
    }

    byte[] download(String path) throws IOException {
        String reply = call("DOWNLOAD " + path);
        assertTrue(reply.startsWith("OK@"), reply);
        byte[] content = readBytes(Long.parseLong(reply.substring(3)));
        assertEquals("OK@Download complete", call("COMPLETE"));
        return content;
    }

    /** {@code DIR} and its entry lines. */
    List<String> dir(String path) throws IOException {
        String reply = call(path == null ? "DIR" : "DIR " + path);
        assertTrue(reply.startsWith("OK@"), reply);
        int n = Integer.parseInt(reply.substring(3));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(line());
        }
        return lines;
    }

    /** Whether the server has closed the connection (reads until the end, at most a few lines). */
    boolean closedByServer() throws IOException {
        for (int i = 0; i < 10; i++) {
            if (line() == null) {
                return true;
            }
        }
        return false;
    }

    /** Makes {@link #close()} reset the connection (RST) instead of closing it in order (FIN). */
    void resetOnClose() throws IOException {
        socket.setSoLinger(true, 0);
    }

    OutputStream socketOutput() {
        return out;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
