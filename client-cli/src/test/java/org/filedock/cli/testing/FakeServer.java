package org.filedock.cli.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLServerSocket;

/**
 * A server on a real loopback socket that plays a scripted conversation with one client. Call
 * {@link #verify()} at the end of the test: it fails when the script failed.
 */
public final class FakeServer implements AutoCloseable {

    /** The server's side of a conversation. */
    @FunctionalInterface
    public interface Conversation {
        void play(FakePeer peer) throws Exception;
    }

    private final ServerSocket listener;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private FakeServer(ServerSocket listener, Conversation... conversations) {
        this.listener = listener;
        thread = new Thread(() -> serve(conversations), "fake-filedock-server");
        thread.setDaemon(true);
        thread.start();
    }

    public static FakeServer start(Conversation conversation) throws IOException {
        return new FakeServer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), conversation);
    }

    /** One connection after the other, each with its own conversation, e.g. a client that connects again. */
    public static FakeServer startSequence(Conversation... conversations) throws IOException {
        return new FakeServer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), conversations);
    }

    /** The same over TLS 1.3 or 1.2, with {@code identity}'s key and certificate. */
    public static FakeServer startTls(TestCertificate identity, Conversation conversation) throws IOException {
        return startTls(identity, new String[] {"TLSv1.3", "TLSv1.2"}, conversation);
    }

    /** Over TLS with only {@code protocols} enabled; the handshake happens when the conversation first reads or writes. */
    public static FakeServer startTls(TestCertificate identity, String[] protocols, Conversation conversation)
            throws IOException {
        try {
            SSLServerSocket listener = (SSLServerSocket) identity.serverContext().getServerSocketFactory()
                    .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
            listener.setEnabledProtocols(protocols);
            return new FakeServer(listener, conversation);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up the fake TLS server: " + e.getMessage(), e);
        }
    }

    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Waits for the conversation to end and rethrows what went wrong in it. */
    public void verify() throws Exception {
        thread.join(TimeUnit.SECONDS.toMillis(10));
        if (thread.isAlive()) {
            throw new AssertionError("the fake server's conversation did not finish");
        }
        Throwable thrown = failure.get();
        if (thrown instanceof Exception exception) {
            throw exception;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void serve(Conversation... conversations) {
        for (Conversation conversation : conversations) {
            try (Socket socket = listener.accept()) {
                conversation.play(new FakePeer(socket));
            } catch (Throwable t) {
                failure.set(t);
                return;
            }
        }
    }
}
