package org.filedock.web.files;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;
import java.util.logging.Logger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How long a request body may be. The container refuses a body over its listener's
 * {@code max-post-size} before any application code runs, so the provisioned server lifts that cap
 * ({@code web-security.cli}) and this filter puts it back, at {@value #MAX_BODY} bytes, on every
 * request but a file upload ({@code PUT /api/files/...}), whose size FileDock checks itself
 * (maximum file size, free space, quota) and streams to disk. It uses Undertow's public
 * {@code HttpServerExchange.setMaxEntitySize}, found by reflection so that the WAR needs no
 * Undertow dependency; on another container nothing changes.
 */
@WebFilter(filterName = "FileDockBodyLimit", urlPatterns = "/*")
public class BodyLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** WildFly's own default {@code max-post-size}. */
    static final long MAX_BODY = 10L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(BodyLimit.class.getName());

    private static volatile MethodHandle getExchange;
    private static volatile MethodHandle setMaxEntitySize;
    private static volatile boolean unavailable;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isUpload(request)) {
            cap(request, MAX_BODY);
        }
        chain.doFilter(request, response);
    }

    static boolean isUpload(HttpServletRequest request) {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        return "PUT".equals(request.getMethod()) && path.startsWith(FilePaths.PREFIX + "/");
    }

    private static void cap(ServletRequest request, long size) {
        if (unavailable) {
            return;
        }
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        try {
            if (setMaxEntitySize == null) {
                resolve(inner.getClass());
            }
            setMaxEntitySize.invoke(getExchange.invoke(inner), size);
        } catch (Throwable e) { // not Undertow (or another version of it): the container's own cap stays
            unavailable = true;
            LOG.warning("cannot cap request bodies at " + size + " bytes: " + e);
        }
    }

    private static void resolve(Class<?> requestClass) throws ReflectiveOperationException {
        Class<?> exchange = Class.forName("io.undertow.server.HttpServerExchange", false, requestClass.getClassLoader());
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        getExchange = lookup.findVirtual(requestClass, "getExchange", MethodType.methodType(exchange))
                .asType(MethodType.methodType(Object.class, Object.class));
        setMaxEntitySize = lookup.findVirtual(exchange, "setMaxEntitySize", MethodType.methodType(exchange, long.class))
                .asType(MethodType.methodType(void.class, Object.class, long.class));
    }
}
