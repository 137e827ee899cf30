package org.filedock.web.files;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;

/**
 * The storage path a request names under {@code /api/files} (contract §14: the path of §3,
 * percent-encoded). Taken from the raw request URI and decoded segment by segment here, so that an
 * encoded {@code /} ({@code %2F}) is refused as a name character rather than becoming a separator,
 * and invalid UTF-8 is refused rather than replaced. {@code .} and {@code ..} are left for the
 * path resolver, which keeps every path inside the caller's area.
 */
final class FilePaths {

    static final String PREFIX = "/api/files";

    private FilePaths() {
    }

    /** The absolute path in the caller's area: {@code /} for {@code /api/files} and {@code /api/files/}. */
    static String of(HttpServletRequest request) throws CommandException {
        String raw = request.getRequestURI();
        String start = request.getContextPath() + PREFIX;
        if (!raw.startsWith(start)) {
            // the container maps decoded paths; a URI that reaches us encoded differently is refused
            throw new CommandException(ErrorCode.BAD_REQUEST, "the path must follow " + PREFIX + " literally");
        }
        String rest = raw.substring(start.length());
        if (!rest.isEmpty() && !rest.startsWith("/")) {
            throw new CommandException(ErrorCode.NOT_FOUND, "no resource at " + raw);
        }
        return decode(rest.isEmpty() ? "/" : rest);
    }

    /** Percent-decodes each segment of an absolute path; an encoded {@code /} or bad UTF-8 is BAD_REQUEST. */
    static String decode(String rawPath) throws CommandException {
        StringBuilder path = new StringBuilder();
        for (String segment : rawPath.split("/", -1)) {
            if (path.length() > 0 || !segment.isEmpty()) {
                String name = decodeSegment(segment);
                if (name.indexOf('/') >= 0) {
                    throw new CommandException(ErrorCode.BAD_REQUEST, "invalid name: a name cannot contain /");
                }
                path.append('/').append(name);
            }
        }
        String result = path.toString();
        // "/a/" names /a; a leading "" segment was skipped above, a trailing one is dropped here
        while (result.length() > 1 && result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.isEmpty() ? "/" : result;
    }

    private static String decodeSegment(String segment) throws CommandException {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= segment.length()) {
                throw malformed();
            }
            int high = Character.digit(segment.charAt(i + 1), 16);
            int low = Character.digit(segment.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                throw malformed();
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "invalid name: not UTF-8");
        }
    }

    private static CommandException malformed() {
        return new CommandException(ErrorCode.BAD_REQUEST, "malformed percent-encoding in the path");
    }
}
