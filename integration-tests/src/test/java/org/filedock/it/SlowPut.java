package org.filedock.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP {@code PUT} sent by hand over a socket, so that a test can hold it in the middle of its
 * body (java.net.http cannot pause a body it sends).
 */
final class SlowPut implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    private SlowPut(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Sends the head announcing {@code size} bytes and the first part of the body. */
    static SlowPut start(String rawPath, long size, byte[] firstPart) throws IOException {
        SlowPut put = new SlowPut(new Socket("127.0.0.1", ItConfig.httpPort()));
        put.socket.setSoTimeout(60_000);
        String head = "PUT /filedock/api/files" + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + size
                + "\r\nConnection: close\r\n\r\n";
        put.out.write(head.getBytes(StandardCharsets.US_ASCII));
        put.out.write(firstPart);
        put.out.flush();
        return put;
    }

    void finish(byte[] rest) throws IOException {
        out.write(rest);
        out.flush();
    }

    /** The status code of the response. */
    int status() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        String statusLine = in.readLine();
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
