package org.filedock.cli.client;

import java.io.IOException;

/** A downloaded file's SHA-256 differs from the server's {@code HASH}: nothing was saved, the session stays usable. */
public final class DigestMismatchException extends IOException {

    DigestMismatchException(String remotePath, String received, String expected) {
        super("sha256 mismatch for " + remotePath + ": received " + received + ", the server has " + expected
                + " (damaged in transit, or the file changed on the server meanwhile); nothing saved");
    }
}
