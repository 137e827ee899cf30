package org.filedock.ejb.path;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable, normalized path inside the storage root: a list of valid, non-reserved name
 * segments. It cannot express {@code .}, {@code ..} or anything outside the root, so code that
 * holds one never has to re-check the text.
 */
public final class StoragePath {

    public static final StoragePath ROOT = new StoragePath(List.of());

    private final List<String> segments;

    private StoragePath(List<String> segments) {
        this.segments = segments;
    }

    /** The path made of these names, each checked as by {@link #child(String)}. */
    public static StoragePath of(String... names) {
        StoragePath path = ROOT;
        for (String name : names) {
            path = path.child(name);
        }
        return path;
    }

    /**
     * Parses an absolute, already normalized path such as {@code "/"} or {@code "/a/b"} (a
     * session's current directory). Empty segments are ignored.
     *
     * @throws IllegalArgumentException if it is not absolute or holds an invalid segment
     */
    public static StoragePath parseAbsolute(String absolute) {
        if (absolute == null || !absolute.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + absolute);
        }
        StoragePath path = ROOT;
        for (String segment : absolute.split("/")) {
            if (!segment.isEmpty()) {
                path = path.child(segment);
            }
        }
        return path;
    }

    public List<String> segments() {
        return segments;
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public int depth() {
        return segments.size();
    }

    /** The last segment; {@code ""} for the root. */
    public String name() {
        return isRoot() ? "" : segments.get(segments.size() - 1);
    }

    /** The parent; the root is its own parent. */
    public StoragePath parent() {
        return isRoot() ? this : new StoragePath(segments.subList(0, segments.size() - 1));
    }

    /**
     * @throws IllegalArgumentException if the name is not valid (see {@link NameRules}) or is
     *         reserved
     */
    public StoragePath child(String name) {
        if (!NameRules.isValidName(name) || NameRules.isReserved(name)) {
            throw new IllegalArgumentException("invalid name: " + name);
        }
        List<String> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(name);
        return new StoragePath(Collections.unmodifiableList(longer));
    }

    /** True if {@code other} is this path or lies below it. */
    public boolean contains(StoragePath other) {
        return other.segments.size() >= segments.size()
                && other.segments.subList(0, segments.size()).equals(segments);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoragePath that && segments.equals(that.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return "/" + String.join("/", segments);
    }
}
