package org.filedock.api.history;

import java.util.Locale;

/**
 * The door a transfer came through (contract §14): the socket protocol, the HTTP file API, or a
 * share link. Shown in the history in lower case ({@code "channel":"http"}).
 */
public enum TransferChannel {
    PROTOCOL, HTTP, SHARE;

    /** The name in the history's JSON and database: {@code protocol}, {@code http}, {@code share}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel of a stored name; a transfer stored before channels existed came over the protocol. */
    public static TransferChannel ofWireName(String name) {
        return name == null ? PROTOCOL : valueOf(name.toUpperCase(Locale.ROOT));
    }
}
