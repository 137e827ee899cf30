package org.filedock.ejb.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's own quota, set by an administrator (table {@code fd_user_quota}). */
@Entity
@Table(name = "fd_user_quota")
public class UserQuotaEntity {

    @Id
    @Column(name = "user_name", length = 255)
    private String user;

    @Column(name = "quota_bytes", nullable = false)
    private long quota;

    protected UserQuotaEntity() {
    }

    UserQuotaEntity(String user, long quota) {
        this.user = user;
        this.quota = quota;
    }

    String user() {
        return user;
    }

    long quota() {
        return quota;
    }

    void quota(long bytes) {
        this.quota = bytes;
    }
}
