package org.filedock.ejb.path;

import java.util.ArrayDeque;
import java.util.Deque;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;

/**
 * Turns a client's path argument into a {@link StoragePath} (contract §3). {@code .} and
 * {@code ..} are resolved on the text alone, never by asking the file system, so a symbolic
 * link can't change where {@code ..} leads.
 */
public final class PathResolver {

    private PathResolver() {
    }

    /**
     * @param currentDirectory the session's absolute current directory, e.g. {@code "/a/b"}
     * @param argument relative to it, or absolute when it starts with {@code /}
     */
    public static StoragePath resolve(String currentDirectory, String argument)
            throws CommandException {
        return resolve(StoragePath.parseAbsolute(currentDirectory), argument);
    }

    public static StoragePath resolve(StoragePath currentDirectory, String argument)
            throws CommandException {
        if (argument.isEmpty()) {
            throw invalidName();
        }
        Deque<String> names = new ArrayDeque<>();
        if (!argument.startsWith("/")) {
            names.addAll(currentDirectory.segments());
        }
        for (String segment : argument.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (names.isEmpty()) {
                    throw new CommandException(ErrorCode.FORBIDDEN, "path leaves the root");
                }
                names.removeLast();
                continue;
            }
            if (!NameRules.isValidName(segment)) {
                throw invalidName();
            }
            if (NameRules.isReserved(segment)) {
                throw new CommandException(ErrorCode.BAD_REQUEST, "invalid name (reserved)");
            }
            names.addLast(segment);
        }
        return StoragePath.of(names.toArray(String[]::new));
    }

    /**
     * For the target of something that will be created (MKDIR, UPLOAD): as
     * {@link #resolve(String, String)}, but the last segment must be a real name, and the
     * root can't be created.
     */
    public static StoragePath resolveForCreate(String currentDirectory, String argument)
            throws CommandException {
        return resolveForCreate(StoragePath.parseAbsolute(currentDirectory), argument);
    }

    public static StoragePath resolveForCreate(StoragePath currentDirectory, String argument)
            throws CommandException {
        StoragePath path = resolve(currentDirectory, argument);
        String last = lastNonEmptySegment(argument);
        if (last.equals(".") || last.equals("..")) {
            throw invalidName();
        }
        if (path.isRoot()) {
            throw new CommandException(ErrorCode.FORBIDDEN, "cannot create the root");
        }
        return path;
    }

    private static String lastNonEmptySegment(String argument) {
        String[] segments = argument.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty()) {
                return segments[i];
            }
        }
        return "";
    }

    private static CommandException invalidName() {
        return new CommandException(ErrorCode.BAD_REQUEST, "invalid name");
    }
}
