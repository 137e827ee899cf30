package org.filedock.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.filedock.cli.tls.CertificateRecorder;
import org.filedock.cli.tls.ServerTrust;

/**
 * TLS 1.3 or 1.2 over a TCP socket. Payloads are read and written through heap buffers straight
 * into the TLS streams (which encrypt and decrypt them there anyway), in large pieces.
 */
final class TlsTransport implements Transport {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final Socket plain;
    private final SSLSocket socket;
    private final InputStream input;
    private final OutputStream output;

    private TlsTransport(Socket plain, SSLSocket socket) throws IOException {
        this.plain = plain;
        this.socket = socket;
        this.input = socket.getInputStream();
        this.output = socket.getOutputStream();
    }

    /** Connects, shakes hands and lets {@code trust} decide about the certificate before anything is sent. */
    static TlsTransport open(String host, int port, ConnectionSettings settings, ServerTrust trust) throws IOException {
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.setSoTimeout(settings.readTimeoutMillis());
            plain.connect(new InetSocketAddress(host, port), settings.connectTimeoutMillis());
            CertificateRecorder recorder = new CertificateRecorder(trust.systemTrust());
            SSLSocket socket = (SSLSocket) context(recorder).getSocketFactory().createSocket(plain, host, port, true);
            try {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setProtocols(PROTOCOLS);
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                handshake(socket);
                trust.verify(host, port, recorder.serverCertificate(), recorder.systemTrusted());
                return new TlsTransport(plain, socket);
            } catch (IOException | RuntimeException e) {
                closeWithoutWaiting(socket, plain);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static SSLContext context(CertificateRecorder recorder) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recorder}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available in this Java runtime: " + e.getMessage(), e);
        }
    }

    private static void handshake(SSLSocket socket) throws IOException {
        try {
            socket.startHandshake();
        } catch (SSLException e) {
            throw new TlsHandshakeException(e);
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public ByteBuffer newPayloadBuffer(int capacity) {
        return ByteBuffer.allocate(capacity);
    }

    /**
     * A TLS read gives at most one record (16 KiB); while more records wait in the socket, reads
     * go on, so that the file is written in large pieces.
     */
    @Override
    public int readPayload(ByteBuffer target) throws IOException {
        int total = readOnce(target);
        if (total < 0) {
            return total;
        }
        InputStream encrypted = plain.getInputStream();
        while (target.hasRemaining() && encrypted.available() > 0) {
            int n = readOnce(target);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private int readOnce(ByteBuffer target) throws IOException {
        int n = input.read(target.array(), target.arrayOffset() + target.position(), target.remaining());
        if (n > 0) {
            target.position(target.position() + n);
        }
        return n;
    }

    @Override
    public void writePayload(ByteBuffer bytes) throws IOException {
        output.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        bytes.position(bytes.limit());
    }

    @Override
    public void endPayload() {
        // the streams stay as they are
    }

    @Override
    public boolean isClosed() {
        return plain.isClosed();
    }

    @Override
    public void close() {
        closeWithoutWaiting(socket, plain);
    }

    /**
     * Says close_notify and closes the TCP connection. {@code SSLSocket.close()} would then wait,
     * up to the read timeout, for the server's close_notify: a server that is refused or has stopped
     * answering would hold the user for that long.
     */
    private static void closeWithoutWaiting(SSLSocket socket, Socket plain) {
        try {
            socket.shutdownOutput();
        } catch (IOException | RuntimeException ignored) {
            // the TCP close below is what matters
        }
        try {
            plain.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
