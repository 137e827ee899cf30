package org.filedock.ejb.history.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferOutcome;
import org.filedock.ejb.history.recording.FinishedTransfer;

/** A finished transfer with its summary figures (table {@code fd_transfer}). */
@Entity
@Table(name = "fd_transfer")
public class TransferEntity {

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private TransferDirection direction;

    @Column(nullable = false)
    private String path;

    @Column(name = "client_address", nullable = false)
    private String clientAddress;

    @Column(name = "user_name")
    private String user;

    @Column(name = "declared_size", nullable = false)
    private long declaredSize;

    @Column(name = "bytes_moved", nullable = false)
    private long bytesMoved;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 9)
    private TransferOutcome outcome;

    @Column(name = "mean_rate", nullable = false)
    private double meanRate;

    @Column(name = "peak_rate", nullable = false)
    private double peakRate;

    @Column(name = "sample_count", nullable = false)
    private int sampleCount;

    @Column(name = "upload_id", length = 36)
    private String uploadId;

    @Column(name = "channel", length = 8, nullable = false)
    private String channel;

    /** The node that served it (jboss.node.name): one history for a cluster of them. */
    @Column(name = "node")
    private String node;

    protected TransferEntity() {
    }

    /** @param node the node that served it */
    static TransferEntity of(FinishedTransfer t, String node) {
        TransferEntity e = new TransferEntity();
        e.id = t.id();
        e.direction = t.direction();
        e.path = t.path();
        e.clientAddress = t.clientAddress();
        e.user = t.user();
        e.declaredSize = t.declaredSize();
        e.bytesMoved = t.bytesMoved();
        e.startedAt = t.startedAt();
        e.endedAt = t.endedAt();
        e.outcome = t.outcome();
        e.meanRate = t.meanRate();
        e.peakRate = t.peakRate();
        e.sampleCount = t.samples().size();
        e.uploadId = t.uploadId();
        e.channel = t.channel().wireName();
        e.node = node;
        return e;
    }

    public String id() {
        return id;
    }

    public TransferDirection direction() {
        return direction;
    }

    public String path() {
        return path;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String user() {
        return user;
    }

    public long declaredSize() {
        return declaredSize;
    }

    public long bytesMoved() {
        return bytesMoved;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public TransferOutcome outcome() {
        return outcome;
    }

    public double meanRate() {
        return meanRate;
    }

    public double peakRate() {
        return peakRate;
    }

    public int sampleCount() {
        return sampleCount;
    }

    /** Shared by the parts of one resumable upload; null otherwise. */
    public String uploadId() {
        return uploadId;
    }

    /** {@code protocol}, {@code http} or {@code share}. */
    public String channel() {
        return channel;
    }

    /** The node that served the transfer; null for transfers stored before it was recorded. */
    public String node() {
        return node;
    }
}
