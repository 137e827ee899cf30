package org.filedock.cli.shell;

import java.util.ArrayList;
import java.util.List;
import org.filedock.protocol.DirEntry;

/** A DIR listing as aligned text columns: type, size in bytes, modification time (UTC), name. */
public final class DirTable {

    public static final String EMPTY = "(empty directory)";

    private DirTable() {
    }

    public static List<String> format(List<DirEntry> entries) {
        if (entries.isEmpty()) {
            return List.of(EMPTY);
        }
        int sizeWidth = "SIZE".length();
        for (DirEntry entry : entries) {
            sizeWidth = Math.max(sizeWidth, Long.toString(entry.size()).length());
        }
        String row = "%-4s  %" + sizeWidth + "s  %-20s  %s";
        List<String> lines = new ArrayList<>(entries.size() + 1);
        lines.add(String.format(row, "TYPE", "SIZE", "MODIFIED", "NAME"));
        for (DirEntry entry : entries) {
            lines.add(String.format(row, entry.isDirectory() ? "dir" : "file", entry.size(), entry.modified(), entry.name()));
        }
        return lines;
    }
}
