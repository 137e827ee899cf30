package org.filedock.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A survivor's sweep of departed nodes' upload temporaries in a shared root. */
class DepartedTemporariesTest {

    private static final Instant SEEN = Instant.parse("2026-12-06T18:00:00Z");

    @TempDir
    Path root;

    private Path file(String relative, Instant modified) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void onlyTheDepartedNodesTemporariesWrittenBeforeTheDepartureGo() throws IOException {
        file("a/.filedock-upload-node3~0a1b.part", SEEN.minusSeconds(5));
        file(".filedock-upload-node3~ffee.part", SEEN.minusSeconds(60));
        Path newer = file("a/.filedock-upload-node3~beef.part", SEEN.plusSeconds(1)); // node 3 is back
        Path other = file("a/.filedock-upload-node1~0a1b.part", SEEN.minusSeconds(5));
        Path similar = file("a/.filedock-upload-node30~0a1b.part", SEEN.minusSeconds(5));
        Path partial = file(".filedock-resume/0123.part", SEEN.minusSeconds(5));
        Path user = file("a/node3.part", SEEN.minusSeconds(5));

        assertEquals(2, LocalDiskStorage.sweepTemporaryFilesOf(root, Set.of("node3"), SEEN));

        try (Stream<Path> left = Files.walk(root)) {
            assertEquals(Set.of(newer, other, similar, partial, user),
                    Set.copyOf(left.filter(Files::isRegularFile).toList()));
        }
        assertEquals(0, LocalDiskStorage.sweepTemporaryFilesOf(root, Set.of(), SEEN));
    }
}
