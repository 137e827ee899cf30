package org.filedock.ejb.history.store;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.filedock.api.history.RateSample;

/** One point of a transfer's rate series (table {@code fd_transfer_sample}), keyed by transfer and position. */
@Entity
@Table(name = "fd_transfer_sample")
@IdClass(SampleEntity.Key.class)
public class SampleEntity {

    @Id
    @Column(name = "transfer_id", length = 36)
    private String transferId;

    @Id
    @Column(name = "seq")
    private int seq;

    @Column(nullable = false)
    private double seconds;

    @Column(nullable = false)
    private long bytes;

    @Column(nullable = false)
    private double rate;

    @Column(name = "rolling_average", nullable = false)
    private double rollingAverage;

    protected SampleEntity() {
    }

    SampleEntity(String transferId, int seq, RateSample sample) {
        this.transferId = transferId;
        this.seq = seq;
        this.seconds = sample.seconds();
        this.bytes = sample.bytes();
        this.rate = sample.rate();
        this.rollingAverage = sample.rollingAverage();
    }

    public RateSample toSample() {
        return new RateSample(seconds, bytes, rate, rollingAverage);
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String transferId;
        private int seq;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.transferId, transferId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(transferId, seq);
        }
    }
}
