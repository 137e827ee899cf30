package org.filedock.api.audit;

/** The commands the audit trail records. */
public enum AuditAction {
    LOGIN,
    UPLOAD,
    DOWNLOAD,
    DELETE,
    MOVE,
    MKDIR,
    RMDIR,
    /** A share link made (its target: {@code share:<id> until <expiry>}, never the token). */
    SHARED,
    /** A share link revoked (its target: {@code share:<id>}). */
    UNSHARED
}
