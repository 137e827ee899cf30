package org.filedock.web.files.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.filedock.api.files.TransferProgress;

/**
 * Sends bytes of a file as the response body. On WildFly the servlet output stream (Undertow's)
 * can take a {@link FileChannel} and hand it to the socket with {@code sendfile}, no copy through
 * the JVM: that is used, found by its public method {@code transferFrom(FileChannel)} so that the
 * WAR needs no Undertow dependency. Any other stream gets a copy through a 64 KiB buffer.
 */
final class BodyWriter {

    private static final int COPY_BUFFER = 64 * 1024;

    private BodyWriter() {
    }

    static void write(OutputStream out, FileChannel file, long first, long length, TransferProgress progress)
            throws IOException {
        MethodHandle transfer = zeroCopy(out.getClass());
        if (transfer != null) {
            try (FileWindow window = new FileWindow(file, first, length, progress)) {
                transfer.invoke(out, (FileChannel) window);
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IOException(e);
            }
            return;
        }
        copy(out, file, first, length, progress);
    }

    private static void copy(OutputStream out, FileChannel file, long first, long length, TransferProgress progress)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER);
        long position = first;
        long end = first + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(COPY_BUFFER, end - position));
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

    private static MethodHandle zeroCopy(Class<?> stream) {
        try {
            return MethodHandles.publicLookup()
                    .findVirtual(stream, "transferFrom", MethodType.methodType(void.class, FileChannel.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
