package org.filedock.cli.client;

import org.filedock.cli.testing.FakePeer;

/** Server sides shared by the TLS tests. */
final class FakeServerSides {

    private FakeServerSides() {
    }

    /** Greets, then fails unless the client closes without sending a line (as it must with an untrusted server). */
    static void greetAndExpectNothing(FakePeer peer) throws Exception {
        try {
            peer.greet();
        } catch (java.io.IOException alreadyClosed) {
            return; // the client may close before the greeting is even written
        }
        String line = peer.readLine();
        if (line != null) {
            throw new AssertionError("the client sent a line to an untrusted server: " + line);
        }
    }
}
