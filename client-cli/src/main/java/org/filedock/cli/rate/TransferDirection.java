package org.filedock.cli.rate;

import java.util.Locale;

public enum TransferDirection {
    UPLOAD, DOWNLOAD;

    /** {@code upload} or {@code download}, as in file names and labels. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
