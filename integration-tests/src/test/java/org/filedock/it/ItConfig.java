package org.filedock.it;

import java.io.File;
import java.nio.file.Path;

/** Where the build put what the tests need (failsafe system properties). */
final class ItConfig {

    private ItConfig() {
    }

    static int filedockPort() {
        return Integer.getInteger("it.filedock-port");
    }

    /** The TLS listener's port (contract §9) on the servers the tests start. */
    static int tlsPort() {
        return Integer.getInteger("it.tls-port");
    }

    static int httpPort() {
        return Integer.getInteger("it.http-port");
    }

    /** The HTTPS listener: socket binding "https" (8443) plus the port offset. */
    static int httpsPort() {
        return 8443 + portOffset();
    }

    static Path jbossHome() {
        return Path.of(System.getProperty("it.jboss-home"));
    }

    /** The server as the build provisioned it, before any test ran it. */
    static Path provisionedServer() {
        return Path.of(System.getProperty("it.provisioned-server"));
    }

    static int managementPort() {
        return Integer.getInteger("it.management-port");
    }

    static int portOffset() {
        return Integer.getInteger("it.port-offset");
    }

    /** A limit the "limits" server runs with, e.g. {@code limit("idle-timeout")}. */
    static long limit(String name) {
        return Long.getLong("it.limits." + name);
    }

    /** The storage root of the server with accounts (the "accounts" execution). */
    static Path accountsStorageRoot() {
        return Path.of(System.getProperty("it.accounts.storage-root"));
    }

    /** A setting of the server with accounts, e.g. {@code accounts("failure-delay-ms")}. */
    static long accounts(String name) {
        return Long.getLong("it.accounts." + name);
    }

    static File ear() {
        return new File(System.getProperty("it.ear"));
    }

    static Path cliJar() {
        return Path.of(System.getProperty("it.cli-jar"));
    }

    static Path storageRoot() {
        return Path.of(System.getProperty("it.storage-root"));
    }

    /** Where the browser test leaves its screenshots (and the driver's log), created on demand. */
    static Path screenshotDirectory() throws java.io.IOException {
        return java.nio.file.Files.createDirectories(Path.of(System.getProperty("it.screenshot-dir")));
    }

    /** A scratch directory outside the storage root, created on demand. */
    static Path workDirectory() throws java.io.IOException {
        return java.nio.file.Files.createDirectories(Path.of(System.getProperty("it.work-dir")));
    }
}
