package org.filedock.cli.client;

import java.io.IOException;

/** A downloaded file's SHA-256 differs from the server's {@code HASH}: nothing was saved, the session stays usable. */
public final class DigestMismatchException extends IOException {

    private final boolean afterResume;

    DigestMismatchException(String remotePath, String received, String expected, boolean afterResume) {
        super("sha256 mismatch for " + remotePath + ": received " + received + ", the server has " + expected
                + (afterResume ? " (the kept partial download was of another version of the file, or damaged)"
                        : " (damaged in transit, or the file changed on the server meanwhile)") + "; nothing saved");
        this.afterResume = afterResume;
    }

    /** Whether the download went on from a kept partial file (now deleted): a fresh one may well succeed. */
    public boolean afterResume() {
        return afterResume;
    }
}
