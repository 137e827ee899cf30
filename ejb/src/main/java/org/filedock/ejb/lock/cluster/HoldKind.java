package org.filedock.ejb.lock.cluster;

import java.util.Arrays;

/** What a hold on a path is for. */
enum HoldKind {
    UPLOAD("U"),
    DOWNLOAD("D"),
    CHANGE("C");

    private final String code;

    HoldKind(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static HoldKind ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown hold kind " + code));
    }

    /** Whether a new hold of this kind may join a path that already has {@code held}. */
    boolean compatibleWith(HoldKind held) {
        return switch (this) {
            case UPLOAD, DOWNLOAD -> held == DOWNLOAD;
            case CHANGE -> false;
        };
    }

    /** Write locks need a majority of the configured members. */
    boolean writes() {
        return this == UPLOAD || this == CHANGE;
    }
}
