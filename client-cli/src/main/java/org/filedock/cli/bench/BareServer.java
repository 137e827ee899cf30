package org.filedock.cli.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

import org.filedock.protocol.DirEntry;
import org.filedock.protocol.LineReader;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/**
 * The baseline of {@code bench --raw}: a bare Java socket server, one blocking thread per
 * connection, that speaks just enough of the protocol (UPLOAD, DOWNLOAD, MKDIR, DIR, RMDIR) to be
 * driven by the same client code, and does the same file work as FileDock (1 MiB direct buffers,
 * data forced to disk before the upload's reply) with nothing else: no container, no dispatch, no
 * locks, no atomic replace, no checks. What FileDock costs on top of the physical limit is the
 * difference.
 * <p>
 * {@code bench --raw} runs it in a process of its own ({@link BareServerProcess}, through
 * {@link #main}), as FileDock's server is: a baseline inside the client's JVM would save itself
 * the cross-process scheduling that every real server pays on the same cores.
 */
final class BareServer implements Closeable {

    /** What {@link #main} prints first, followed by the port. */
    static final String LISTENING = "bare baseline listening on port ";

    private static final int BUFFER = 1 << 20;

    private final ServerSocketChannel listener;
    private final Path root;
    private final Thread acceptor;

    BareServer(Path root) throws IOException {
        this.root = root;
        this.listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "bare-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.socket().getLocalPort();
    }

    /**
     * Serves files under {@code args[0]} on a free loopback port, which it prints, until its
     * standard input ends (the benchmark closes it, or dies).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BareServer <root directory>");
            System.exit(2);
        }
        try (BareServer server = new BareServer(Path.of(args[0]).toAbsolutePath())) {
            System.out.println(LISTENING + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // only the end of standard input matters
            }
        }
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            try {
                SocketChannel socket = listener.accept();
                socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Thread worker = new Thread(() -> serve(socket), "bare-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel socket) {
        try (socket) {
            // a client sends payload only after OK@Ready, so no payload byte waits in the line reader
            LineReader lines = new LineReader(Channels.newInputStream(socket));
            OutputStream out = Channels.newOutputStream(socket);
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            send(out, Reply.ok("Welcome to the server (bare baseline)"));
            String line;
            while ((line = lines.readLine()) != null) {
                Request request = Request.parse(line);
                switch (request.verb()) {
                    case "UPLOAD" -> upload(request, socket, out, buffer);
                    case "DOWNLOAD" -> download(request, socket, out, buffer);
                    case "COMPLETE" -> send(out, Reply.ok("Download complete"));
                    case "MKDIR" -> {
                        Files.createDirectory(resolve(request.arg(0)));
                        send(out, Reply.ok(request.arg(0) + " created"));
                    }
                    case "RMDIR" -> {
                        Files.delete(resolve(request.arg(0)));
                        send(out, Reply.ok(request.arg(0) + " deleted"));
                    }
                    case "DIR" -> dir(out, request.args().isEmpty() ? root : resolve(request.arg(0)));
                    case "CHDIR" -> send(out, Reply.ok("Directory changed to /"));
                    case "DELETE" -> {
                        Files.delete(resolve(request.arg(0)));
                        send(out, Reply.ok("File deleted"));
                    }
                    case "DISCONNECT" -> {
                        send(out, Reply.disconnected("Goodbye"));
                        return;
                    }
                    default -> send(out, Reply.ok(request.verb()));
                }
            }
        } catch (IOException e) {
            // the benchmark's client went away
        }
    }

    private void upload(Request request, SocketChannel socket, OutputStream out, ByteBuffer buffer) throws IOException {
        long size = Long.parseLong(request.arg(1));
        send(out, Reply.ok("Ready"));
        try (FileChannel file = FileChannel.open(resolve(request.arg(0)), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long left = size;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                while (buffer.hasRemaining()) {
                    if (socket.read(buffer) < 0) {
                        throw new IOException("client went away");
                    }
                }
                buffer.flip();
                left -= buffer.remaining();
                while (buffer.hasRemaining()) {
                    file.write(buffer);
                }
            }
            file.force(true);
        }
        send(out, Reply.ok("File uploaded"));
    }

    private void download(Request request, SocketChannel socket, OutputStream out, ByteBuffer buffer)
            throws IOException {
        try (FileChannel file = FileChannel.open(resolve(request.arg(0)), StandardOpenOption.READ)) {
            long size = file.size();
            send(out, Reply.ok(Long.toString(size)));
            long position = 0;
            while (position < size) {
                buffer.clear();
                int n = file.read(buffer, position);
                buffer.flip();
                while (buffer.hasRemaining()) {
                    socket.write(buffer);
                }
                position += n;
            }
        }
    }

    private void dir(OutputStream out, Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            List<String> entries = children.sorted().map(this::entry).toList();
            StringBuilder reply = new StringBuilder(Reply.ok(Integer.toString(entries.size())).toLine()).append('\n');
            entries.forEach(e -> reply.append(e).append('\n'));
            out.write(reply.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private String entry(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            DirEntry.Type type = attributes.isDirectory() ? DirEntry.Type.DIRECTORY : DirEntry.Type.FILE;
            return new DirEntry(type, attributes.isDirectory() ? 0 : attributes.size(),
                    attributes.lastModifiedTime().toInstant(), path.getFileName().toString()).toLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every path is taken from the root: the baseline keeps no current directory. */
    private Path resolve(String path) {
        Path resolved = root.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("outside the baseline's root: " + path);
        }
        return resolved;
    }

    private static void send(OutputStream out, Reply reply) throws IOException {
        out.write((reply.toLine() + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
