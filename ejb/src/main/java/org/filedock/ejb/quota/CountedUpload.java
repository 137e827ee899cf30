package org.filedock.ejb.quota;

import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

import org.filedock.api.CommandException;
import org.filedock.ejb.storage.Upload;

/**
 * An admitted upload: its commit is counted in the account's usage in the same step as its
 * reservation is given back; an end without a commit gives the reservation back after the
 * upload has closed (a kept partial counts its new bytes first, so the usage never dips).
 */
final class CountedUpload implements Upload {

    private final Upload upload;
    private final Ledger.Reservation reservation;
    private final long growth;

    CountedUpload(Upload upload, Ledger.Reservation reservation, long growth) {
        this.upload = upload;
        this.reservation = reservation;
        this.growth = growth;
    }

    @Override
    public WritableByteChannel channel() {
        return upload.channel();
    }

    @Override
    public long offset() {
        return upload.offset();
    }

    @Override
    public String uploadId() {
        return upload.uploadId();
    }

    @Override
    public long replacedBytes() {
        return upload.replacedBytes();
    }

    @Override
    public Path spoolFile() {
        return upload.spoolFile();
    }

    @Override
    public void commit() throws CommandException {
        reservation.commit(() -> {
            upload.commit();
            return growth;
        });
    }

    @Override
    public void close() {
        try {
            upload.close();
        } finally {
            reservation.close();
        }
    }

    @Override
    public void discard() {
        try {
            upload.discard();
        } finally {
            reservation.close();
        }
    }
}
