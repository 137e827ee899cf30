package org.filedock.ejb.share;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Properties;

import org.filedock.api.AuthMode;
import org.filedock.api.FileDockConfig;

/**
 * Where the web context is reached from outside, for the links the socket's {@code SHARE} makes
 * (an HTTP request knows its own address; a socket session does not): {@code filedock.public-url}
 * when set (e.g. {@code https://files.example.org/filedock} behind a proxy), else derived from the
 * server's HTTP listener: {@code http://<filedock.bind>:<HTTP port>/filedock}, or with accounts
 * {@code https://...:<HTTPS port>/filedock} (the web part refuses plain HTTP then). A wildcard bind
 * address is replaced by the host's name.
 */
public final class PublicUrl {

    public static final String PROPERTY = "filedock.public-url";
    private static final String CONTEXT = "/filedock";

    private PublicUrl() {
    }

    public static String fromSystemProperties() {
        return of(System.getProperties());
    }

    static String of(Properties p) {
        String configured = p.getProperty(PROPERTY, "").trim();
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        boolean https = FileDockConfig.from(p).auth() == AuthMode.REQUIRED;
        int offset = Integer.parseInt(p.getProperty("jboss.socket.binding.port-offset", "0").trim());
        int port = offset + Integer.parseInt(https ? p.getProperty("jboss.https.port", "8443").trim()
                : p.getProperty("jboss.http.port", "8080").trim());
        return (https ? "https" : "http") + "://" + host(p.getProperty(FileDockConfig.BIND, "127.0.0.1").trim())
                + ":" + port + CONTEXT;
    }

    private static String host(String bind) {
        if (!bind.equals("0.0.0.0") && !bind.equals("::") && !bind.equals("[::]")) {
            return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
