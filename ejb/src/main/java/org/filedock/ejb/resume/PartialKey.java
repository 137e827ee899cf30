package org.filedock.ejb.resume;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.filedock.ejb.path.StoragePath;

/**
 * Whose partial data it is: one owner's resumable upload of one path (contract §10). The size
 * is not part of the key but of the partial's record: a resume with another size finds no
 * partial to continue and replaces the old one, so a path has at most one partial per owner.
 *
 * @param owner the user name; {@code ""} with {@code filedock.auth=none}
 */
public record PartialKey(String owner, StoragePath path) {

    public PartialKey {
        Objects.requireNonNull(owner);
        Objects.requireNonNull(path);
    }

    /** The file name stem of this key's partial: a digest of the key, so any key makes a safe name. */
    String id() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(owner.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0); // no user name holds NUL, so owner and path can't run together
            digest.update(path.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
