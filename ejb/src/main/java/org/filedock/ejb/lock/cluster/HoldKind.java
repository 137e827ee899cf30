package org.filedock.ejb.lock.cluster;

import java.util.Arrays;

/**
 * What a hold on a path is for. {@link #INTENT} marks every ancestor of a locked path, so that a
 * change lock on a directory and a lock below it meet on one key of the table (the directory's)
 * and one compare-and-set decides between them.
 */
enum HoldKind {
    UPLOAD("U"),
    DOWNLOAD("D"),
    CHANGE("C"),
    INTENT("I");

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
            case UPLOAD -> held == DOWNLOAD || held == INTENT;
            case DOWNLOAD -> held == DOWNLOAD || held == INTENT;
            case CHANGE -> false;
            case INTENT -> held == INTENT;
        };
    }

    /** Write locks need a majority of the configured members. */
    boolean writes() {
        return this == UPLOAD || this == CHANGE;
    }
}
