package org.filedock.api.audit;

/** The commands the audit trail records. */
public enum AuditAction {
    LOGIN,
    UPLOAD,
    DOWNLOAD,
    DELETE,
    MOVE,
    MKDIR,
    RMDIR
}
