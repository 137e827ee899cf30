package org.filedock.ejb.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Path resolution (contract §3) on arbitrary arguments from arbitrary current directories:
 * the result is always a path of valid names inside the root, it agrees with a plain model of
 * {@code .} and {@code ..} on the text, and every rejection is BAD_REQUEST or FORBIDDEN.
 */
class PathResolverProperties {

    private static final Set<ErrorCode> REJECTIONS = Set.of(ErrorCode.BAD_REQUEST, ErrorCode.FORBIDDEN);

    @Property
    void resolvesInsideTheRootAsTheModelSays(@ForAll("directories") StoragePath current,
            @ForAll("arguments") String argument) {
        Expected expected = model(current, argument);
        try {
            StoragePath resolved = PathResolver.resolve(current, argument);
            assertEquals(Expected.Kind.PATH, expected.kind, "resolved " + resolved + ", model says " + expected);
            assertEquals(expected.segments, resolved.segments());
            for (String name : resolved.segments()) {
                assertTrue(NameRules.isValidName(name) && !NameRules.isReserved(name), name);
            }
            assertEquals(resolved, PathResolver.resolve(StoragePath.ROOT, resolved.toString()), "idempotent");
        } catch (CommandException e) {
            assertRejectedProperly(e);
            assertEquals(expected.kind == Expected.Kind.FORBIDDEN ? ErrorCode.FORBIDDEN : ErrorCode.BAD_REQUEST,
                    e.code(), "for " + argument + " from " + current + ", model says " + expected);
        }
    }

    @Property
    void whatIsCreatedIsNeverTheRootNorADotName(@ForAll("directories") StoragePath current,
            @ForAll("arguments") String argument) {
        try {
            StoragePath created = PathResolver.resolveForCreate(current, argument);
            assertFalse(created.isRoot());
            String[] segments = argument.split("/");
            String last = segments.length == 0 ? "" : segments[segments.length - 1];
            assertFalse(last.equals(".") || last.equals(".."), argument);
        } catch (CommandException e) {
            assertRejectedProperly(e);
        }
    }

    private static void assertRejectedProperly(CommandException e) {
        assertTrue(REJECTIONS.contains(e.code()), e.code() + " " + e.getMessage());
        Reply reply = e.toReply();
        assertTrue(reply.toLine().matches("ERR@[A-Z_]+ [^\\n]+"), reply.toLine());
    }

    /** What resolution must give, from the contract's rules alone. */
    private static Expected model(StoragePath current, String argument) {
        if (argument.isEmpty()) {
            return Expected.badRequest();
        }
        List<String> names = argument.startsWith("/") ? new ArrayList<>() : new ArrayList<>(current.segments());
        for (String segment : argument.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (names.isEmpty()) {
                    return new Expected(Expected.Kind.FORBIDDEN, null);
                }
                names.remove(names.size() - 1);
            } else if (!validName(segment)) {
                return Expected.badRequest();
            } else {
                names.add(segment);
            }
        }
        return new Expected(Expected.Kind.PATH, names);
    }

    /** 1-255 UTF-8 bytes, no control character, no surrogate half, not reserved (contract §3). */
    private static boolean validName(String name) {
        if (name.startsWith(NameRules.RESERVED_PREFIX)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        if (!java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(name)) {
            return false;
        }
        return name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= NameRules.MAX_NAME_BYTES;
    }

    private record Expected(Kind kind, List<String> segments) {
        enum Kind { PATH, FORBIDDEN, BAD_REQUEST }

        static Expected badRequest() {
            return new Expected(Kind.BAD_REQUEST, null);
        }
    }

    @Provide
    Arbitrary<StoragePath> directories() {
        return names().list().ofMaxSize(4).map(list -> StoragePath.of(list.toArray(String[]::new)));
    }

    @Provide
    Arbitrary<String> arguments() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("..", ".", "", "a", "...", ". .", "\\..", "%2e%2e", "..\u0000", ".filedock-x",
                        "\uFF0E\uFF0E", "a\tb", "\uD800", "x".repeat(255), "é".repeat(128)),
                names());
        Arbitrary<String> relative = segment.list().ofMinSize(1).ofMaxSize(7).map(list -> String.join("/", list));
        return Arbitraries.oneOf(relative, relative.map(p -> "/" + p), Arbitraries.strings().all().ofMaxLength(40));
    }

    private static Arbitrary<String> names() {
        return Arbitraries.strings().withChars('a', 'b', '.', '\\', '%', ' ', 'é', '\u2024')
                .ofMinLength(1).ofMaxLength(6)
                .filter(n -> !n.equals(".") && !n.equals(".."));
    }
}
