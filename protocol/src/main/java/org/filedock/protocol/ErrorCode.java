package org.filedock.protocol;

/** The error codes of contract §4 (and the 1.1 and 1.2 additions), sent as {@code ERR@<CODE> <text>}. */
public enum ErrorCode {
    BAD_REQUEST,
    UNKNOWN_COMMAND,
    NOT_FOUND,
    EXISTS,
    NOT_EMPTY,
    NOT_A_DIRECTORY,
    IS_A_DIRECTORY,
    BUSY,
    FORBIDDEN,
    NO_SPACE,
    LIMIT,
    TIMEOUT,
    INTERNAL,
    AUTH_REQUIRED,
    DENIED,
    CORRUPT,
    QUOTA
}
