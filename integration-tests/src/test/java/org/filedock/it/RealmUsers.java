package org.filedock.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adds application users to the test server the administrator's way: {@code bin/add-user.sh -a}
 * (ApplicationRealm). The realm rereads its properties files when they change, so a running
 * server knows them at once; an existing user gets the new password and group.
 */
final class RealmUsers {

    private RealmUsers() {
    }

    static void add(String user, String password, String group) throws IOException, InterruptedException {
        Path home = ItConfig.jbossHome();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/add-user.sh").toString(),
                "-a", "-u", user, "-p", password, "-g", group)
                .redirectErrorStream(true);
        builder.environment().put("JBOSS_HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "add-user.sh ends");
        assertEquals(0, process.exitValue(), output);
        assertTrue(List.of(output.split("\n")).stream().anyMatch(l -> l.contains("user '" + user + "'")), output);
    }
}
