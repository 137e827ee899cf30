package org.filedock.web.files.serve;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What a served file says about itself. Uploaded files are anyone's content served from the drive's
 * own origin, so nothing in them may run there (contract §14): a short list of passive types is
 * shown inline (images but SVG, PDF, plain text, audio, video); everything else, HTML, SVG and XML
 * above all, goes out as {@code application/octet-stream} with {@code attachment}, so the browser
 * saves it instead of rendering it. Every file response also carries {@code nosniff} and a
 * {@code sandbox} content security policy, so that even a type guessed wrong cannot run script
 * with the origin's rights.
 */
public final class ContentHeaders {

    static final String OCTET_STREAM = "application/octet-stream";
    /** No script, no plugin, no form, no same-origin rights, whatever the browser makes of the bytes. */
    static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'";

    private static final Set<String> INLINE = Set.of(
            "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/bmp",
            "application/pdf", "text/plain", "text/csv");

    private ContentHeaders() {
    }

    /** The type to send: the guessed one when it is passive, else a download. */
    public static String typeOf(String guessed) {
        if (guessed == null) {
            return OCTET_STREAM;
        }
        String type = guessed.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        String bare = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        if (INLINE.contains(bare)) {
            return bare.startsWith("text/") ? bare + "; charset=UTF-8" : bare;
        }
        if (bare.startsWith("audio/") || bare.startsWith("video/")) {
            return bare;
        }
        return OCTET_STREAM;
    }

    /**
     * {@code Content-Disposition} (RFC 6266): {@code inline} only for a passive type; the name as
     * {@code filename*} in UTF-8, with an ASCII {@code filename} for old clients in which anything
     * but plain printable ASCII (quotes, backslashes, control and non-ASCII characters) is {@code _}.
     */
    public static String disposition(String type, String name) {
        String kind = OCTET_STREAM.equals(type) ? "attachment" : "inline";
        return kind + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
    }

    static String asciiFallback(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return b.toString();
    }

    /** RFC 8187 value characters: attr-char as is, every other byte of the UTF-8 as %XX. */
    static String encode(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean attrChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
