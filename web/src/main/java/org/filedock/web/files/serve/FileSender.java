package org.filedock.web.files.serve;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.filedock.api.files.FileReading;
import org.filedock.api.files.TransferProgress;
import org.filedock.web.problem.ServletProblems;

/**
 * Serves one opened file as HTTP does it (contract §14, RFC 9110): validators ({@code ETag},
 * {@code Last-Modified}) and conditional requests ({@code If-None-Match}, {@code If-Modified-Since}:
 * 304), one byte range ({@code Range}, {@code If-Range}: 206, or 416 beyond the end), {@code HEAD},
 * and the headers that keep uploaded content harmless ({@link ContentHeaders}). The body goes out
 * zero-copy where the container allows, and the transfer is recorded from its first byte to its
 * end; a 304, a 416 or a {@code HEAD} moves no payload and records none. Whoever opened the file
 * (the file API, later a share link) closes it.
 */
public final class FileSender {

    private static final Logger LOG = Logger.getLogger(FileSender.class.getName());
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private FileSender() {
    }

    /**
     * @param name the file's name, for {@code Content-Disposition}
     * @param guessedType the media type its name suggests (null when unknown)
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, FileReading file, String name,
                            String guessedType) throws IOException {
        String etag = "\"" + file.tag() + "\"";
        Instant modified = file.modified().truncatedTo(ChronoUnit.SECONDS);
        response.setHeader("ETag", etag);
        response.setHeader("Last-Modified", HTTP_DATE.format(modified));
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", "private, no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", ContentHeaders.SANDBOX);
        if (notModified(request, etag, modified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        long size = file.size();
        ByteRange.Request asked = "GET".equals(request.getMethod()) && rangeApplies(request, etag, modified)
                ? ByteRange.of(request.getHeader("Range"), size) : new ByteRange.Whole();
        if (asked instanceof ByteRange.Unsatisfiable) {
            response.setHeader("Content-Range", "bytes */" + size);
            ServletProblems.send(response, HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE,
                    "the range " + request.getHeader("Range") + " lies beyond the end (" + size + " bytes)");
            return;
        }
        ByteRange range = asked instanceof ByteRange.Part part ? part.range() : new ByteRange(0, size);
        if (asked instanceof ByteRange.Part) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
        }
        String type = ContentHeaders.typeOf(guessedType);
        response.setContentType(type);
        response.setHeader("Content-Disposition", ContentHeaders.disposition(type, name));
        response.setContentLengthLong(range.length());
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try (TransferProgress progress = file.begin(range.first(), range.length())) {
            try {
                BodyWriter.write(response.getOutputStream(), file, range.first(), range.length(), progress);
                progress.completed();
            } catch (IOException e) {
                progress.aborted(); // the client went away; nobody is left to answer
                LOG.info("HTTP download of " + name + " to " + request.getRemoteAddr() + " ended early: " + e);
            }
        }
    }

    /** If-None-Match (any listed tag, weakly compared, or *), else If-Modified-Since. */
    private static boolean notModified(HttpServletRequest request, String etag, Instant modified) {
        String noneMatch = request.getHeader("If-None-Match");
        if (noneMatch != null) {
            for (String candidate : noneMatch.split(",")) {
                String tag = candidate.trim();
                if (tag.equals("*") || stripWeak(tag).equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        Instant since = date(request.getHeader("If-Modified-Since"));
        return since != null && !modified.isAfter(since);
    }

    /** If-Range: the range only applies to the version it names (a strong tag or the exact date). */
    private static boolean rangeApplies(HttpServletRequest request, String etag, Instant modified) {
        String ifRange = request.getHeader("If-Range");
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.trim();
        if (value.startsWith("\"")) {
            return value.equals(etag);
        }
        Instant date = date(value);
        return date != null && date.equals(modified);
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.from(HTTP_DATE.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
