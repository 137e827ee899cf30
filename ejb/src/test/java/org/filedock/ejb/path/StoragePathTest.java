package org.filedock.ejb.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class StoragePathTest {

    @Test
    void rootIsItsOwnParentAndHasNoName() {
        assertTrue(StoragePath.ROOT.isRoot());
        assertEquals("", StoragePath.ROOT.name());
        assertSame(StoragePath.ROOT, StoragePath.ROOT.parent());
        assertEquals("/", StoragePath.ROOT.toString());
        assertEquals(List.of(), StoragePath.ROOT.segments());
    }

    @Test
    void childParentNameAndText() {
        StoragePath path = StoragePath.ROOT.child("a").child("b c");
        assertEquals(List.of("a", "b c"), path.segments());
        assertEquals("b c", path.name());
        assertEquals("/a/b c", path.toString());
        assertEquals(StoragePath.of("a"), path.parent());
        assertEquals(StoragePath.ROOT, path.parent().parent());
        assertEquals(2, path.depth());
        assertFalse(path.isRoot());
    }

    @Test
    void segmentsCannotBeModified() {
        assertThrows(UnsupportedOperationException.class,
                () -> StoragePath.of("a").segments().add("b"));
    }

    @Test
    void equalityIsBySegments() {
        assertEquals(StoragePath.of("a", "b"), StoragePath.parseAbsolute("/a/b"));
        assertEquals(StoragePath.of("a", "b").hashCode(), StoragePath.parseAbsolute("/a/b").hashCode());
        assertNotEquals(StoragePath.of("a", "b"), StoragePath.of("a"));
        assertEquals(StoragePath.ROOT, StoragePath.parseAbsolute("/"));
    }

    @Test
    void containsItselfAndWhatLiesBelowOnly() {
        StoragePath docs = StoragePath.of("docs");
        assertTrue(docs.contains(docs));
        assertTrue(docs.contains(StoragePath.of("docs", "a", "b")));
        assertFalse(docs.contains(StoragePath.of("docsx")));
        assertFalse(docs.contains(StoragePath.of("doc")));
        assertFalse(docs.contains(StoragePath.ROOT));
        assertTrue(StoragePath.ROOT.contains(docs));
    }

    @Test
    void childRefusesWhatIsNotAName() {
        for (String bad : new String[] {"", ".", "..", "a/b", "a\u0000", ".filedock-x",
                "x".repeat(256)}) {
            assertThrows(IllegalArgumentException.class, () -> StoragePath.ROOT.child(bad), bad);
        }
    }

    @Test
    void parseAbsoluteRefusesRelativeOrDottedPaths() {
        assertThrows(IllegalArgumentException.class, () -> StoragePath.parseAbsolute("a/b"));
        assertThrows(IllegalArgumentException.class, () -> StoragePath.parseAbsolute("/a/.."));
        assertThrows(IllegalArgumentException.class, () -> StoragePath.parseAbsolute(""));
    }
}
