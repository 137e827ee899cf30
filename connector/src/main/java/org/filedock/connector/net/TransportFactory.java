package org.filedock.connector.net;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/** Makes the {@link Transport} of each connection a listener accepts. */
public interface TransportFactory {

    Transport open(SocketChannel channel) throws IOException;

    /**
     * Whether the transport encrypts: a client refused at admission then gets no plain-text
     * reason, which it could not read anyway.
     */
    boolean encrypted();

    /** {@code SHA256:<64 lowercase hex digits>} of the server's certificate; {@code null} without TLS. */
    default String certificateFingerprint() {
        return null;
    }
}
