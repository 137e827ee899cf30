package org.filedock.web.files;

import java.time.Instant;
import java.util.List;

import org.filedock.protocol.DirEntry;

/**
 * A directory as {@code GET /api/files/{path}} shows it (contract §14), entries in {@code DIR}
 * order.
 */
public record Listing(String path, List<Entry> entries) {

    /** @param type {@code file} or {@code directory} */
    public record Entry(String name, String type, long size, Instant modified) {

        static Entry of(DirEntry entry) {
            return new Entry(entry.name(), entry.isDirectory() ? "directory" : "file", entry.size(), entry.modified());
        }
    }

    static Listing of(String path, List<DirEntry> entries) {
        return new Listing(path, entries.stream().map(Entry::of).toList());
    }
}
