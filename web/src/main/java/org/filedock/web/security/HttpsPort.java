package org.filedock.web.security;

/** The HTTPS listener's port: socket binding "https" (jboss.https.port, 8443) plus the server's port offset. */
public final class HttpsPort {

    private HttpsPort() {
    }

    public static int get() {
        return Integer.getInteger("jboss.https.port", 8443) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    }
}
