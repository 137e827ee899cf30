package org.filedock.ejb.storage;

import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What tells one version of a file's bytes from another, for HTTP's validators: the size, the
 * modification time to the nanosecond, and the file's identity (device and inode): an upload
 * replaces a file by renaming a new one over it, so even a replacement of the same size within the
 * same clock tick gets another tag.
 *
 * @param tag a strong validator, without quotes
 */
public record FileVersion(long size, Instant modified, String tag) {

    static FileVersion of(long size, BasicFileAttributes attributes) {
        long nanos = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        String tag = Long.toHexString(size) + "-" + Long.toHexString(nanos) + "-"
                + Integer.toHexString(Objects.hashCode(attributes.fileKey()));
        return new FileVersion(size, attributes.lastModifiedTime().toInstant(), tag);
    }
}
