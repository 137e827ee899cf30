package org.filedock.cli.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.filedock.cli.tls.ServerTrust;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Numbers;
import org.filedock.protocol.ProtocolException;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/**
 * A session with a FileDock server, one method per server command. Methods return the text of
 * the {@code OK@} reply. A {@link ServerErrorException} or {@link LocalFileException} leaves the
 * session usable; any other failure (and {@code DISCONNECTED@}) closes the client, because the
 * conversation can no longer be trusted to be in step.
 */
public final class FileDockClient implements Closeable {

    /** The port of the server's TLS listener unless it was configured otherwise (contract §9). */
    public static final int DEFAULT_TLS_PORT = 7022;

    private static final String READY = "Ready";
    private static final String DIRECTORY_CHANGED = "Directory changed to ";

    private final Connection connection;
    private final ConnectionSettings settings;
    private final String greeting;
    private String currentDirectory = "/";
    private String user;

    private FileDockClient(Connection connection, ConnectionSettings settings, String greeting) {
        this.connection = connection;
        this.settings = settings;
        this.greeting = greeting;
    }

    /** Connects and reads the greeting; a server at its limit gives a {@link ServerErrorException}. */
    public static FileDockClient connect(String host, int port, ConnectionSettings settings) throws IOException {
        return greeted(Connection.open(host, port, settings), settings);
    }

    /**
     * Connects over TLS, lets {@code trust} decide about the server's certificate, then reads the
     * greeting.
     *
     * @throws org.filedock.cli.tls.UntrustedServerException when the certificate is not trusted
     * @throws TlsHandshakeException                          when no TLS session could be set up
     */
    public static FileDockClient connectTls(String host, int port, ConnectionSettings settings, ServerTrust trust)
            throws IOException {
        Connection connection;
        try {
            connection = Connection.openTls(host, port, settings, trust);
        } catch (SocketTimeoutException e) {
            throw new ConnectionClosedException("no TLS handshake with the server within "
                    + settings.readTimeout().toSeconds() + " s (is it the server's TLS port?)");
        }
        return greeted(connection, settings);
    }

    private static FileDockClient greeted(Connection connection, ConnectionSettings settings) throws IOException {
        try {
            Reply reply = connection.receive();
            FileDockClient client = new FileDockClient(connection, settings, reply.text());
            client.requireOk(reply);
            return client;
        } catch (SocketTimeoutException e) {
            connection.close();
            throw new ConnectionClosedException("no greeting from the server within " + settings.readTimeout().toSeconds() + " s");
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public String greeting() {
        return greeting;
    }

    public boolean isOpen() {
        return !connection.isClosed();
    }

    /** The server-side current directory as last reported by CHDIR or PWD ({@code /} at first). */
    public String currentDirectory() {
        return currentDirectory;
    }

    /** The user this session logged in as, or {@code null}. */
    public String user() {
        return user;
    }

    /**
     * Logs in; the password is sent once and kept nowhere. A wrong password gives a
     * {@link ServerErrorException} ({@code DENIED}); too many of them end the session.
     */
    public String login(String name, char[] password) throws IOException {
        byte[] request = Connection.encode(Request.of("LOGIN", name, new String(password)));
        try {
            String text = exchange(() -> call(request));
            user = name;
            return text;
        } finally {
            Arrays.fill(request, (byte) 0);
        }
    }

    /** An upload without verification; see {@link #upload(Path, String, Verification, boolean, TransferListener)}. */
    public String upload(Path localFile, String remotePath, TransferListener listener) throws IOException {
        return upload(localFile, remotePath, Verification.UNVERIFIED, false, listener).reply();
    }

    /** An upload that starts at the first byte; see {@link #upload(Path, String, Verification, boolean, TransferListener)}. */
    public Transferred upload(Path localFile, String remotePath, Verification verification, TransferListener listener)
            throws IOException {
        return upload(localFile, remotePath, verification, false, listener);
    }

    /**
     * Uploads {@code localFile}. Verified, the local file is hashed first unless its digest is
     * remembered for this size and mtime ({@link LocalDigests}; the digest must be in
     * the request line, before the bytes) and the server refuses a mismatch with
     * {@code ERR@CORRUPT}, a {@link ServerErrorException} that keeps the session. With
     * {@code resume} the upload is resumable ({@code UPLOAD ... resume}): the server keeps what
     * arrived if it breaks off, and answers with the offset to go on from, from which the local
     * file is sent; the listener sees only the bytes sent now.
     */
    public Transferred upload(Path localFile, String remotePath, Verification verification, boolean resume,
                              TransferListener listener) throws IOException {
        try (UploadSource source = UploadSource.open(localFile)) {
            String sha256 = verification == Verification.VERIFIED ? localDigest(source, localFile) : null;
            List<String> words = new ArrayList<>(List.of(remotePath, Long.toString(source.size())));
            if (resume) {
                words.add("resume");
            }
            if (sha256 != null) {
                words.add("sha256=" + sha256);
            }
            byte[] request = Connection.encode(Request.of("UPLOAD", words.toArray(String[]::new)));
            long[] offset = {0};
            String reply = exchange(() -> {
                offset[0] = readyOffset(call(request), resume, source.size());
                source.input().position(offset[0]);
                try {
                    PayloadStreams.send(source.input(), connection, source.size() - offset[0], listener);
                } catch (SocketException e) {
                    throw serverReasonFor(e);
                }
                return requireOk(connection.receive());
            });
            return new Transferred(reply, sha256, offset[0]);
        }
    }

    /** A download without verification; see {@link #download(String, Path, Verification, boolean, TransferListener)}. */
    public String download(String remotePath, Path target, TransferListener listener) throws IOException {
        return download(remotePath, target, Verification.UNVERIFIED, false, listener).reply();
    }

    /** A download that starts afresh; see {@link #download(String, Path, Verification, boolean, TransferListener)}. */
    public Transferred download(String remotePath, Path target, Verification verification, TransferListener listener)
            throws IOException {
        return download(remotePath, target, verification, false, listener);
    }

    /**
     * Downloads into a temporary file beside {@code target}, which becomes the target only when
     * complete and, verified, when the SHA-256 of the bytes received (hashed as they arrive)
     * equals the server's {@code HASH}, asked after {@code COMPLETE}. A mismatch is a
     * {@link DigestMismatchException}: nothing is saved, the session stays usable. With
     * {@code resume} the temporary file is kept when the download fails, and a later resumed
     * download of the same target goes on from its end ({@code DOWNLOAD <path> <offset>}); its
     * held bytes are read back once to verify the whole file. A mismatch deletes it.
     */
    public Transferred download(String remotePath, Path target, Verification verification, boolean resume,
                                TransferListener listener) throws IOException {
        byte[] complete = Connection.encode(Request.of("COMPLETE"));
        byte[] hash = Connection.encode(Request.of("HASH", remotePath));
        MessageDigest digest = verification == Verification.VERIFIED ? Sha256.newDigest() : null;
        try (PartialDownload partial = resume ? PartialDownload.resumable(target) : PartialDownload.create(target)) {
            long offset = partial.held();
            byte[] request = Connection.encode(offset == 0 ? Request.of("DOWNLOAD", remotePath)
                    : Request.of("DOWNLOAD", remotePath, Long.toString(offset)));
            if (digest != null) {
                partial.hashHeld(digest);
            }
            return exchange(() -> {
                long size = parseCount(callResumed(request, offset, partial));
                PayloadStreams.receive(connection, partial.output(), size, digest, listener);
                String done = call(complete);
                String sha256 = null;
                if (digest != null) {
                    sha256 = Sha256.hex(digest);
                    String expected = parseSha256(call(hash));
                    if (!expected.equals(sha256)) {
                        partial.discard();
                        throw new DigestMismatchException(remotePath, sha256, expected, offset > 0);
                    }
                }
                try {
                    partial.commit();
                } catch (IOException e) {
                    throw new LocalFileException("cannot save " + target + ": " + e.getMessage(), e);
                }
                if (sha256 != null) {
                    LocalDigests.remember(target, sha256); // uploading it again need not hash it first
                }
                return new Transferred(done, sha256, offset);
            });
        }
    }

    /** A partial longer than the server's file is of no use: dropped, so that the next try starts afresh. */
    private String callResumed(byte[] request, long offset, PartialDownload partial) throws IOException {
        try {
            return call(request);
        } catch (ServerErrorException e) {
            if (offset > 0 && e.errorCode() == ErrorCode.BAD_REQUEST) {
                partial.discard();
            }
            throw e;
        }
    }

    private static long readyOffset(String ready, boolean resume, long size) throws ProtocolException {
        if (!resume) {
            if (!ready.startsWith(READY)) {
                throw new ProtocolException("expected OK@" + READY + ", got OK@" + ready);
            }
            return 0;
        }
        String prefix = READY + " ";
        if (ready.startsWith(prefix)) {
            try {
                long offset = Numbers.parseCount(ready.substring(prefix.length()));
                if (offset <= size) {
                    return offset;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ProtocolException("expected OK@" + READY + " <offset up to " + size + ">, got OK@" + ready);
    }

    private static String localDigest(UploadSource source, Path localFile) throws LocalFileException {
        try {
            return LocalDigests.of(localFile, source.input(), source.size());
        } catch (IOException e) {
            throw new LocalFileException("cannot read " + localFile + ": " + e.getMessage(), e);
        }
    }

    private static String parseSha256(String text) throws ProtocolException {
        if (!text.matches("sha256 [0-9a-fA-F]{64}")) {
            throw new ProtocolException("expected OK@sha256 <hex>, got OK@" + text);
        }
        return text.substring("sha256 ".length()).toLowerCase(Locale.ROOT);
    }

    public String delete(String path) throws IOException {
        return simple(Request.of("DELETE", path));
    }

    /** Lists {@code path}, or the current directory when it is {@code null}. */
    public List<DirEntry> dir(String path) throws IOException {
        byte[] request = Connection.encode(path == null ? Request.of("DIR") : Request.of("DIR", path));
        return exchange(() -> {
            long count = parseCount(call(request));
            List<DirEntry> entries = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                entries.add(DirEntry.parse(connection.receiveLine()));
            }
            return entries;
        });
    }

    public String mkdir(String path) throws IOException {
        return simple(Request.of("MKDIR", path));
    }

    public String chdir(String path) throws IOException {
        String text = simple(Request.of("CHDIR", path));
        if (text.startsWith(DIRECTORY_CHANGED)) {
            currentDirectory = text.substring(DIRECTORY_CHANGED.length());
        } else {
            pwd();
        }
        return text;
    }

    public String rmdir(String path) throws IOException {
        return simple(Request.of("RMDIR", path));
    }

    public String move(String path, String directory) throws IOException {
        return simple(Request.of("MOVE", path, directory));
    }

    /** {@code USAGE}: the server's {@code <used> <quota>}, the quota {@code unlimited} when none. */
    public String usage() throws IOException {
        return simple(Request.of("USAGE"));
    }

    /**
     * {@code SHARE <path> <seconds> [password]} (a FileDock extension of protocol 1.2).
     *
     * @param password null for a link without one
     * @return the reply's text: {@code <url> <expiresAt>}
     */
    public String share(String path, long seconds, char[] password) throws IOException {
        return simple(password == null ? Request.of("SHARE", path, Long.toString(seconds))
                : Request.of("SHARE", path, Long.toString(seconds), new String(password)));
    }

    public String pwd() throws IOException {
        currentDirectory = simple(Request.of("PWD"));
        return currentDirectory;
    }

    /** Says goodbye and closes, whatever the server answers; returns its last words. */
    public String disconnect() throws IOException {
        ensureOpen();
        try {
            connection.send(Connection.encode(Request.of("DISCONNECT")));
            Reply reply = connection.receive();
            if (reply.isError()) {
                throw new ServerErrorException(reply);
            }
            return reply.text();
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    private String simple(Request request) throws IOException {
        byte[] line = Connection.encode(request);
        return exchange(() -> call(line));
    }

    private String call(byte[] request) throws IOException {
        connection.send(request);
        return requireOk(connection.receive());
    }

    private String requireOk(Reply reply) throws IOException {
        switch (reply.kind()) {
            case OK:
                return reply.text();
            case ERR:
                if (reply.errorCode() == ErrorCode.TIMEOUT) {
                    close();
                }
                throw new ServerErrorException(reply);
            default:
                close();
                throw new ConnectionClosedException(reply);
        }
    }

    private <T> T exchange(Exchange<T> steps) throws IOException {
        ensureOpen();
        try {
            failIfServerHungUp();
            return steps.run();
        } catch (ServerErrorException | LocalFileException | DigestMismatchException e) {
            throw e;
        } catch (SocketTimeoutException e) {
            close();
            throw new ConnectionClosedException("no answer from the server within "
                    + settings.readTimeout().toSeconds() + " s; connection closed");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The server speaks unasked only when it is closing the session (an idle timeout). */
    private void failIfServerHungUp() throws IOException {
        if (!connection.hasUnsolicitedInput()) {
            return;
        }
        Reply last = connection.receive();
        try {
            while (!last.isDisconnected()) {
                last = connection.receive();
            }
        } catch (IOException e) {
            // the server is gone; what it said last is reason enough
        }
        close();
        throw last.isDisconnected() ? new ConnectionClosedException(last)
                : new ConnectionClosedException("the server closed the connection (" + last.toLine() + ")");
    }

    /** A server that refuses an upload midway may have said why before it closed. */
    private IOException serverReasonFor(SocketException writeFailure) {
        try {
            Reply reply = connection.receive();
            if (reply.isError()) {
                close();
                return new ServerErrorException(reply);
            }
        } catch (IOException | RuntimeException ignored) {
            // no reason given: report the write failure itself
        }
        return writeFailure;
    }

    private void ensureOpen() throws ConnectionClosedException {
        if (!isOpen()) {
            throw new ConnectionClosedException("not connected");
        }
    }

    private static long parseCount(String text) throws ProtocolException {
        try {
            return Numbers.parseCount(text);
        } catch (NumberFormatException e) {
            throw new ProtocolException("expected a count, got OK@" + text);
        }
    }

    @FunctionalInterface
    private interface Exchange<T> {
        T run() throws IOException;
    }
}
