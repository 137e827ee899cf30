package org.filedock.web.files.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.filedock.api.files.FileReading;
import org.filedock.api.files.TransferProgress;

/**
 * Sends bytes of a file as the response body, one of two ways on WildFly, whose servlet output
 * stream (Undertow's) takes NIO types through public methods found here by name, so that the WAR
 * needs no Undertow dependency:
 * <ul>
 * <li>by default through the reading's 1 MiB direct buffer, one {@code write(ByteBuffer)} (one
 * system call) per mebibyte, as the socket protocol's downloads do;</li>
 * <li>with {@value #SENDFILE}{@code =true}, {@code transferFrom(FileChannel)}: {@code sendfile},
 * no copy through the JVM.</li>
 * </ul>
 * sendfile spends less of the server's CPU, but a receiver on the same machine then copies
 * straight out of the page cache instead of from freshly written socket buffers, and was the
 * slower of the two over loopback here (docs/performance.md). Any other stream gets a copy
 * through a heap array.
 */
final class BodyWriter {

    static final String SENDFILE = "filedock.http.sendfile";

    private static final int HEAP_BUFFER = 64 * 1024;

    private BodyWriter() {
    }

    static void write(OutputStream out, FileReading file, long first, long length, TransferProgress progress)
            throws IOException {
        MethodHandle transfer = Boolean.getBoolean(SENDFILE) ? stream(out, "transferFrom", FileChannel.class) : null;
        if (transfer != null) {
            try (FileWindow window = new FileWindow(file.channel(), first, length, progress)) {
                invoke(transfer, out, window);
            }
            return;
        }
        MethodHandle writeDirect = stream(out, "write", ByteBuffer.class);
        if (writeDirect != null) {
            copyDirect(out, writeDirect, file, first, length, progress);
        } else {
            copyThroughHeap(out, file.channel(), first, length, progress);
        }
    }

    private static void copyDirect(OutputStream out, MethodHandle writeDirect, FileReading file, long first,
                                   long length, TransferProgress progress) throws IOException {
        ByteBuffer buffer = file.copyBuffer();
        long position = first;
        long end = first + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            while (buffer.hasRemaining()) {
                if (file.channel().read(buffer, position + buffer.position()) < 0) {
                    throw new IOException("the file shrank while it was sent");
                }
            }
            buffer.flip();
            int n = buffer.remaining();
            invoke(writeDirect, out, buffer);
            position += n;
            progress.moved(n);
        }
        out.flush();
    }

    private static void copyThroughHeap(OutputStream out, FileChannel file, long first, long length,
                                        TransferProgress progress) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(HEAP_BUFFER);
        long position = first;
        long end = first + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(HEAP_BUFFER, end - position));
            int n = file.read(buffer, position);
            if (n < 0) {
                throw new IOException("the file shrank while it was sent");
            }
            out.write(buffer.array(), 0, n);
            position += n;
            progress.moved(n);
        }
        out.flush();
    }

    private static void invoke(MethodHandle method, OutputStream out, Object argument) throws IOException {
        try {
            method.invoke(out, argument);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }

    /** The stream's public {@code void name(type)}, or null when it has none. */
    private static MethodHandle stream(OutputStream out, String name, Class<?> type) {
        try {
            return MethodHandles.publicLookup()
                    .findVirtual(out.getClass(), name, MethodType.methodType(void.class, type));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
