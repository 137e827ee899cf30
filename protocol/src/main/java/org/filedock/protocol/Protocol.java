package org.filedock.protocol;

/** Constants of the wire protocol that both ends rely on. */
public final class Protocol {

    public static final String VERSION = "1.2";
    public static final int DEFAULT_PORT = 7021;
    /** Longest request line in bytes, the line ending included. */
    public static final int MAX_LINE_BYTES = 8192;
    public static final String GREETING = "Welcome to the server";

    private Protocol() {
    }
}
