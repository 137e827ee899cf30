package org.filedock.ejb.audit.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.filedock.api.audit.AuditAction;
import org.filedock.api.audit.AuditEntry;

/**
 * One entry of the audit trail (table {@code fd_audit}). The id comes from a sequence, in blocks
 * of 50 (so a batch of inserts needs no round trip per row), and orders entries of the same
 * instant as they were queued.
 */
@Entity
@Table(name = "fd_audit")
public class AuditEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fd_audit_seq")
    @SequenceGenerator(name = "fd_audit_seq", sequenceName = "fd_audit_seq", allocationSize = 50)
    private Long id;

    @Column(name = "recorded_at", nullable = false)
    private Instant time;

    @Column(name = "user_name")
    private String user;

    @Column(name = "client_address", nullable = false)
    private String clientAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private AuditAction action;

    private String path;

    private String target;

    @Column(nullable = false, length = 32)
    private String outcome;

    protected AuditEntity() {
    }

    static AuditEntity of(AuditEntry entry) {
        AuditEntity e = new AuditEntity();
        e.time = entry.time();
        e.user = entry.user();
        e.clientAddress = entry.clientAddress();
        e.action = entry.action();
        e.path = entry.path();
        e.target = entry.target();
        e.outcome = entry.outcome();
        return e;
    }

    public AuditEntry toEntry() {
        return new AuditEntry(time, user, clientAddress, action, path, target, outcome);
    }
}
