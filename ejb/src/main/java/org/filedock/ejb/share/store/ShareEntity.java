package org.filedock.ejb.share.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.filedock.api.share.ShareLink;

/**
 * One share link (table {@code fd_share}), in the history's database. Keyed by the SHA-256 of its
 * token ({@code ShareToken.idOf}): the token itself is never stored. A revoked link is deleted.
 */
@Entity
@Table(name = "fd_share")
@NamedQuery(name = ShareEntity.OF_OWNER,
        query = "SELECT s FROM ShareEntity s WHERE s.owner = :owner ORDER BY s.createdAt DESC, s.id")
@NamedQuery(name = ShareEntity.WITHOUT_OWNER,
        query = "SELECT s FROM ShareEntity s WHERE s.owner IS NULL ORDER BY s.createdAt DESC, s.id")
@NamedQuery(name = ShareEntity.PURGE_EXPIRED_BEFORE,
        query = "DELETE FROM ShareEntity s WHERE s.expiresAt < :cutoff")
public class ShareEntity {

    public static final String OF_OWNER = "ShareEntity.ofOwner";
    public static final String WITHOUT_OWNER = "ShareEntity.withoutOwner";
    /** Deletes the links that expired before {@code :cutoff}. */
    public static final String PURGE_EXPIRED_BEFORE = "ShareEntity.purgeExpiredBefore";

    @Id
    @Column(length = 43)
    private String id;

    /** Null: made without accounts (filedock.auth=none), served only in that mode. */
    @Column(name = "owner_name")
    private String owner;

    @Column(nullable = false)
    private String path;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** Null: no password ({@code SharePassword}'s form otherwise). */
    @Column(name = "password_hash")
    private String passwordHash;

    protected ShareEntity() {
    }

    public ShareEntity(String id, String owner, String path, Instant createdAt, Instant expiresAt, String passwordHash) {
        this.id = id;
        this.owner = owner;
        this.path = path;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.passwordHash = passwordHash;
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public String path() {
        return path;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public ShareLink toLink() {
        return new ShareLink(id, owner, path, createdAt, expiresAt, passwordHash != null);
    }
}
