package org.filedock.cli.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A certificate's SHA-256 over its DER encoding, written {@code SHA256:<64 lowercase hex digits>} as the server logs it. */
public final class Fingerprint {

    public static final String PREFIX = "SHA256:";

    private static final Pattern PLAIN = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern COLONS = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){31}");

    private final String hex;

    private Fingerprint(String hex) {
        this.hex = hex;
    }

    public static Fingerprint of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new Fingerprint(HexFormat.of().formatHex(digest));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute the certificate's fingerprint", e);
        }
    }

    /**
     * Reads {@code SHA256:<hex>} or just the hex: 64 digits, or 32 pairs separated by colons, in
     * any case.
     *
     * @throws IllegalArgumentException with words for the user when {@code text} is none of these
     */
    public static Fingerprint parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith(PREFIX.toLowerCase(Locale.ROOT))) {
            value = value.substring(PREFIX.length());
        }
        if (PLAIN.matcher(value).matches()) {
            return new Fingerprint(value);
        }
        if (COLONS.matcher(value).matches()) {
            return new Fingerprint(value.replace(":", ""));
        }
        throw new IllegalArgumentException("not a SHA-256 fingerprint: " + text
                + " (expected SHA256: and 64 hex digits, with or without colons)");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint fingerprint && hex.equals(fingerprint.hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    @Override
    public String toString() {
        return PREFIX + hex;
    }
}
