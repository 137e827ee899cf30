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

    /** Looked up once per stream class, not per response. */
    private static final ClassValue<StreamMethods> STREAM_METHODS = new ClassValue<>() {
        @Override
        protected StreamMethods computeValue(Class<?> stream) {
            return new StreamMethods(find(stream, "write", ByteBuffer.class),
                    find(stream, "transferFrom", FileChannel.class));
        }
    };

    /** A stream class's NIO methods; null where it has none. */
    private record StreamMethods(MethodHandle writeBuffer, MethodHandle transferFrom) {
    }

    private BodyWriter() {
    }

    static void write(OutputStream out, FileReading file, long first, long length, TransferProgress progress)
            throws IOException {
        StreamMethods methods = STREAM_METHODS.get(out.getClass());
        MethodHandle transfer = Boolean.getBoolean(SENDFILE) ? methods.transferFrom() : null;
        if (transfer != null) {
            try (FileWindow window = new FileWindow(file.channel(), first, length, progress)) {
                invoke(transfer, out, window);
            }
            return;
        }
        MethodHandle writeDirect = methods.writeBuffer();
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

    /** The class's public {@code void name(type)}, or null when it has none. */
    private static MethodHandle find(Class<?> stream, String name, Class<?> type) {
        try {
            return MethodHandles.publicLookup().findVirtual(stream, name, MethodType.methodType(void.class, type));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
