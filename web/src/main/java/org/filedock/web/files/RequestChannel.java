package org.filedock.web.files;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;

import org.filedock.api.PayloadTimeoutException;

/**
 * Exactly {@code size} bytes of a request body read straight from the container's connection into
 * the upload's own buffer: on WildFly, Undertow's request channel ({@code HttpServerExchange
 * .getRequestChannel()}, public API, found by reflection so the WAR needs no Undertow dependency),
 * which reads from the socket into the buffer it is given, as the socket protocol's payload channel
 * does. The servlet input stream instead copies every 16 KiB through a pooled buffer and a byte
 * array (measured: a PUT at 0.6x a socket upload). Like the socket's payload, a body that stalls
 * for the payload timeout is a {@link PayloadTimeoutException} and one that ends early an
 * {@link EOFException}. Taking the channel is allowed by Undertow: the servlet stream then reads
 * nothing ({@code ServletInputStreamImpl} falls back to an empty channel).
 */
final class RequestChannel implements ReadableByteChannel {

    private static final Logger LOG = Logger.getLogger(RequestChannel.class.getName());

    private static volatile MethodHandle getExchange;
    private static volatile MethodHandle getRequestChannel;
    private static volatile MethodHandle awaitReadable;
    private static volatile boolean unavailable;

    private final ReadableByteChannel channel;
    private final Object awaitable;
    private final Duration timeout;
    private long left;

    private RequestChannel(ReadableByteChannel channel, Duration timeout, long size) {
        this.channel = channel;
        this.awaitable = channel;
        this.timeout = timeout;
        this.left = size;
    }

    /** The body's channel; empty where the container is not Undertow (read the servlet stream then). */
    static Optional<ReadableByteChannel> of(ServletRequest request, long size, Duration timeout) {
        if (unavailable) {
            return Optional.empty();
        }
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        try {
            if (awaitReadable == null) {
                resolve(inner.getClass());
            }
            Object channel = getRequestChannel.invoke(getExchange.invoke(inner));
            if (!(channel instanceof ReadableByteChannel readable)) {
                return Optional.empty(); // already taken (cannot happen before the first read)
            }
            return Optional.of(new RequestChannel(readable, timeout, size));
        } catch (Throwable e) {
            unavailable = true;
            LOG.warning("reading request bodies through the servlet stream: " + e);
            return Optional.empty();
        }
    }

    private static void resolve(Class<?> requestClass) throws ReflectiveOperationException {
        ClassLoader loader = requestClass.getClassLoader();
        Class<?> exchange = Class.forName("io.undertow.server.HttpServerExchange", false, loader);
        Class<?> source = Class.forName("org.xnio.channels.StreamSourceChannel", false, loader);
        Class<?> suspendable = Class.forName("org.xnio.channels.SuspendableReadChannel", false, loader);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        getExchange = lookup.findVirtual(requestClass, "getExchange", MethodType.methodType(exchange))
                .asType(MethodType.methodType(Object.class, Object.class));
        getRequestChannel = lookup.findVirtual(exchange, "getRequestChannel", MethodType.methodType(source))
                .asType(MethodType.methodType(Object.class, Object.class));
        awaitReadable = lookup.findVirtual(suspendable, "awaitReadable",
                        MethodType.methodType(void.class, long.class, TimeUnit.class))
                .asType(MethodType.methodType(void.class, Object.class, long.class, TimeUnit.class));
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        if (left == 0) {
            return -1;
        }
        int limit = target.limit();
        if (target.remaining() > left) {
            target.limit(target.position() + (int) left);
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                int n = channel.read(target);
                if (n > 0) {
                    left -= n;
                    return n;
                }
                if (n < 0) {
                    throw new EOFException("the request body ended " + left + " bytes early");
                }
                long wait = deadline - System.nanoTime();
                if (wait <= 0) {
                    throw new PayloadTimeoutException("no byte of the request body for " + timeout.toSeconds() + " s");
                }
                await(wait);
            }
        } finally {
            target.limit(limit);
        }
    }

    private void await(long nanos) throws IOException {
        try {
            awaitReadable.invoke(awaitable, nanos, TimeUnit.NANOSECONDS);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        // the container ends the request
    }
}
