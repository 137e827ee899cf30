package org.filedock.api.audit;

/** The audit trail as the web tier reads it: a local business interface implemented in the EJB tier. */
public interface AuditTrail {

    AuditPage list(AuditQuery query);
}
