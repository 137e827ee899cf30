package org.filedock.connector.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.filedock.api.Exchange;
import org.filedock.api.FileDockConfig;
import org.filedock.api.TlsConfig;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/**
 * A benchmark's floor, not a server: FileDock's adapter (the selector, the workers, the framing,
 * the replies) with MKDIR, DIR, RMDIR, PWD and UPLOAD done in place by {@code java.nio}, under its
 * root, without the container, the EJBs, the audit trail, locks, checks or durability (an upload
 * is written straight into its file, as vsftpd writes one). Driven by the same
 * client as FileDock and the bare Python server, it shows how much of the small commands' time the
 * adapter's design takes by itself. Run by {@code bench/adapter_floor.sh}.
 */
public final class AdapterFloor {

    private interface Operation {
        Reply run(Path root, Request request, Exchange exchange) throws IOException;
    }

    private static final Map<String, Operation> OPERATIONS = Map.of(
            "MKDIR", (root, request, exchange) -> {
                Files.createDirectory(root.resolve(request.arg(0)));
                return Reply.ok(request.arg(0) + " created");
            },
            "RMDIR", (root, request, exchange) -> {
                Files.delete(root.resolve(request.arg(0)));
                return Reply.ok(request.arg(0) + " deleted");
            },
            "DIR", AdapterFloor::list,
            "UPLOAD", AdapterFloor::upload,
            "PWD", (root, request, exchange) -> Reply.ok("/"),
            "DISCONNECT", (root, request, exchange) -> Reply.disconnected("Bye"));

    /** A payload buffer per worker thread, as FileDock leases one per transfer from a pool. */
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 20));

    private AdapterFloor() {
    }

    /** @param args the port and the root directory */
    public static void main(String[] args) throws Exception {
        Path root = Files.createDirectories(Path.of(args[1]));
        Properties settings = new Properties();
        settings.setProperty(FileDockConfig.PORT, args[0]);
        settings.setProperty(TlsConfig.PORT, "off");
        settings.setProperty(FileDockConfig.ROOT, root.toString());
        ProtocolServer server = new ProtocolServer(FileDockConfig.from(settings), new ThreadPoolWorkManager(),
                () -> (request, exchange) -> answer(root, request, exchange));
        server.start();
        System.err.println("adapter floor on port " + server.port() + ", root " + root);
        Thread.currentThread().join();
    }

    private static Reply answer(Path root, Request request, Exchange exchange) {
        Operation operation = OPERATIONS.get(request.verb());
        if (operation == null) {
            return Reply.error(ErrorCode.UNKNOWN_COMMAND, "not in the floor");
        }
        try {
            return operation.run(root, request, exchange);
        } catch (IOException e) {
            return Reply.error(ErrorCode.INTERNAL, e.toString());
        }
    }

    private static Reply upload(Path root, Request request, Exchange exchange) throws IOException {
        long size = Long.parseLong(request.arg(1));
        ReadableByteChannel payload = exchange.receivePayload(size);
        try (FileChannel file = FileChannel.open(root.resolve(request.arg(0)), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            exchange.send(Reply.ok("Ready"));
            ByteBuffer buffer = BUFFERS.get();
            while (payload.read(buffer.clear()) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    file.write(buffer);
                }
            }
        }
        return Reply.ok("File uploaded");
    }

    private static Reply list(Path root, Request request, Exchange exchange) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String name : root.toFile().list()) {
            BasicFileAttributes attributes = Files.readAttributes(root.resolve(name), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            boolean directory = attributes.isDirectory();
            lines.add(new DirEntry(directory ? DirEntry.Type.DIRECTORY : DirEntry.Type.FILE,
                    directory ? 0 : attributes.size(), attributes.lastModifiedTime().toInstant(), name).toLine());
        }
        lines.sort(null);
        exchange.send(Reply.ok(Integer.toString(lines.size())), lines);
        return null;
    }
}
