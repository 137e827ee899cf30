package org.filedock.ejb.quota;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UsageWalkTest {

    @TempDir
    Path root;

    @Test
    void countsRegularFilesNotLinksNorTheServersOwnEntries() throws Exception {
        Files.createDirectories(root.resolve("alice/docs"));
        Files.write(root.resolve("alice/a.bin"), new byte[100]);
        Files.write(root.resolve("alice/docs/b.bin"), new byte[20]);
        Files.write(root.resolve("alice/docs/.filedock-upload-1.part"), new byte[7]);
        Files.createSymbolicLink(root.resolve("alice/link"), root.resolve("alice/a.bin"));
        Files.createDirectories(root.resolve(".filedock-resume"));
        Files.write(root.resolve(".filedock-resume/x.part"), new byte[1000]);
        Files.write(root.resolve("top.bin"), new byte[3]);

        UsageWalk walk = new UsageWalk(root, account -> account.equals("alice") ? 5 : 11);
        assertEquals(120 + 5, walk.walk("alice"), "files of the home plus its partials");
        assertEquals(123 + 11, walk.walk(""), "the whole shared root, without the partials' directory");
        assertEquals(11, walk.walk("bob"), "no home yet");
    }
}
