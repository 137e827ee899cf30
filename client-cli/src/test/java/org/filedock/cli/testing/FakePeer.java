package org.filedock.cli.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.filedock.protocol.LineReader;

/** The server side of one test connection: reads requests, sends scripted replies. */
public final class FakePeer {

    private final Socket socket;
    private final LineReader in;
    private final OutputStream out;

    FakePeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new LineReader(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public FakePeer send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    public FakePeer sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    public FakePeer greet() throws IOException {
        return send("OK@Welcome to the server (fake)");
    }

    /**
     * Greets, then fails unless the client closes without sending a line, as it must with a
     * server it does not trust (it may close before the greeting is even written).
     */
    public void greetAndExpectNothing() throws IOException {
        try {
            greet();
        } catch (IOException closedAlready) {
            return;
        }
        String line = readLine();
        if (line != null) {
            throw new AssertionError("the client sent a line to a server it should not trust: " + line);
        }
    }

    /** The next request line, or {@code null} when the client closed the connection. */
    public String readLine() throws IOException {
        return in.readLine();
    }

    /** Fails the fake server (and so the test) when the next request is not {@code line}. */
    public FakePeer expect(String line) throws IOException {
        String actual = readLine();
        if (!line.equals(actual)) {
            throw new AssertionError("expected request <" + line + "> but got <" + actual + ">");
        }
        return this;
    }

    /** {@link #expect} then {@link #send}. */
    public FakePeer answer(String request, String reply) throws IOException {
        return expect(request).send(reply);
    }

    public byte[] readBytes(long count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.readPayload(bytes, count);
        return bytes.toByteArray();
    }

    /** The TLS protocol the session speaks (e.g. {@code TLSv1.3}), after the handshake; {@code null} over plain TCP. */
    public String tlsProtocol() {
        return socket instanceof SSLSocket tls ? tls.getSession().getProtocol() : null;
    }

    public void close() throws IOException {
        socket.close();
    }
}
