package org.filedock.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts (contract §8) on the server started with {@code filedock.auth=required} (the
 * "accounts" server in arquillian.xml): users added with {@code add-user.sh}, passwords checked by
 * WildFly's ApplicationRealm, each user confined to {@code <root>/<user>/}, guessing slowed down
 * and cut off. Tests that fail logins connect from loopback addresses of their own, so that the
 * per-address limit of one does not lock out the others.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.server", matches = "accounts")
class AccountsIT {

    private static final String ALICE_PASSWORD = "Alice-pass-1";
    private static final String BOB_PASSWORD = "Bob-pass-2";
    private static final String DANA_PASSWORD = "Dana-pass-3";
    private static final String EVE_PASSWORD = "Eve-pass-4";
    private static final long FAILURE_DELAY_MS = ItConfig.accounts("failure-delay-ms");
    private static final int ADDRESS_THRESHOLD = (int) ItConfig.accounts("max-failures-per-address");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    private final List<WireClient> clients = new ArrayList<>();

    @BeforeAll
    static void users() throws Exception {
        RealmUsers.add("alice", ALICE_PASSWORD, "filedock-user");
        RealmUsers.add("bob", BOB_PASSWORD, "filedock-user");
        RealmUsers.add("dana", DANA_PASSWORD, "filedock-admin");
        RealmUsers.add("eve", EVE_PASSWORD, "guest"); // in the realm, but not a FileDock user
    }

    @AfterEach
    void disconnect() throws IOException {
        for (WireClient client : clients) {
            client.close();
        }
    }

    @Test
    void beforeLoginEverythingButLoginAndDisconnectIsRefused() throws Exception {
        WireClient client = client();
        assertTrue(client.greeting().startsWith("OK@Welcome to the server"));
        for (String line : List.of("PWD", "DIR", "MKDIR x", "UPLOAD x 1", "DOWNLOAD x", "FROB", "COMPLETE")) {
            assertEquals("ERR@AUTH_REQUIRED login first", client.call(line), line);
        }
        assertEquals("DISCONNECTED@Goodbye", client.call("DISCONNECT"));
        assertNull(client.line());
    }

    @Test
    void aUserLogsInOnceAndWorksInAHomeOfTheirOwn() throws Exception {
        WireClient alice = loggedIn("alice", ALICE_PASSWORD);
        assertEquals("ERR@BAD_REQUEST already logged in", alice.call("LOGIN alice " + ALICE_PASSWORD));
        assertEquals("OK@/", alice.call("PWD"));
        String dir = "docs-" + UUID.randomUUID();
        assertEquals("OK@" + dir + " created", alice.call("MKDIR " + dir));
        assertEquals("OK@Directory changed to /" + dir, alice.call("CHDIR " + dir));
        byte[] content = "alice's notes".getBytes(StandardCharsets.UTF_8);
        alice.upload("notes.txt", content);

        Path onDisk = ItConfig.accountsStorageRoot().resolve("alice").resolve(dir).resolve("notes.txt");
        assertArrayEquals(content, Files.readAllBytes(onDisk), "the file is in <root>/alice/");
        assertEquals("ERR@NOT_FOUND /" + dir + "/missing.txt not found", alice.call("DOWNLOAD missing.txt"),
                "paths as the user sees them");
        assertEquals("ERR@FORBIDDEN path leaves the root", alice.call("CHDIR /.."));
    }

    @Test
    void anAdministratorLogsInAndARealmUserWithoutAFileDockGroupDoesNot() throws Exception {
        loggedIn("dana", DANA_PASSWORD);
        WireClient eve = track(WireClient.connectFrom("127.0.0.2"));
        assertEquals("ERR@DENIED invalid user or password", eve.call("LOGIN eve " + EVE_PASSWORD));
        assertEquals("ERR@AUTH_REQUIRED login first", eve.call("PWD"));
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswerNeitherSoonerThanTheDelay() throws Exception {
        WireClient wrongPassword = track(WireClient.connectFrom("127.0.0.3"));
        long started = System.nanoTime();
        assertEquals("ERR@DENIED invalid user or password", wrongPassword.call("LOGIN alice not-her-password"));
        long wrongPasswordMs = msSince(started);

        WireClient unknownUser = track(WireClient.connectFrom("127.0.0.4"));
        started = System.nanoTime();
        assertEquals("ERR@DENIED invalid user or password", unknownUser.call("LOGIN nobody-" + UUID.randomUUID()
                + " whatever"));
        long unknownUserMs = msSince(started);

        WireClient oddName = track(WireClient.connectFrom("127.0.0.5"));
        started = System.nanoTime();
        assertEquals("ERR@DENIED invalid user or password", oddName.call("LOGIN ../alice " + ALICE_PASSWORD));
        long oddNameMs = msSince(started);

        for (long ms : List.of(wrongPasswordMs, unknownUserMs, oddNameMs)) {
            assertTrue(ms >= FAILURE_DELAY_MS, ms + " ms, not sooner than " + FAILURE_DELAY_MS);
        }
        assertEquals("OK@Logged in as alice", wrongPassword.call("LOGIN alice " + ALICE_PASSWORD),
                "a failure does not end the session");
    }

    @Test
    void theFifthFailureInASessionEndsItAfterGrowingDelays() throws Exception {
        WireClient guesser = track(WireClient.connectFrom("127.0.0.6"));
        long delay = FAILURE_DELAY_MS;
        for (int i = 1; i <= 4; i++) {
            long started = System.nanoTime();
            assertEquals("ERR@DENIED invalid user or password", guesser.call("LOGIN bob guess-" + i));
            long ms = msSince(started);
            assertTrue(ms >= delay, "failure " + i + ": " + ms + " ms, not sooner than " + delay);
            delay *= 2;
        }
        long started = System.nanoTime();
        assertEquals("DISCONNECTED@too many failed logins", guesser.call("LOGIN bob guess-5"));
        assertTrue(msSince(started) >= delay);
        assertNull(guesser.line(), "closed");
    }

    @Test
    void anAddressPastItsThresholdIsRefusedEvenTheRightPasswordWhileOthersGoOn() throws Exception {
        String address = "127.0.0.7";
        int failures = 0;
        while (failures < ADDRESS_THRESHOLD) {
            WireClient guesser = track(WireClient.connectFrom(address));
            String reply;
            do {
                reply = guesser.call("LOGIN mallory-" + failures + " guess");
                failures++;
            } while (reply.startsWith("ERR@DENIED ") && failures < ADDRESS_THRESHOLD);
        }
        WireClient locked = track(WireClient.connectFrom(address));
        assertEquals("ERR@DENIED invalid user or password", locked.call("LOGIN bob " + BOB_PASSWORD),
                "refused without asking the realm");
        assertEquals("ERR@AUTH_REQUIRED login first", locked.call("PWD"));
        loggedIn("bob", BOB_PASSWORD); // from 127.0.0.1
    }

    @Test
    void usersCannotReachEachOthersFiles() throws Exception {
        WireClient alice = loggedIn("alice", ALICE_PASSWORD);
        String secret = "secret-" + UUID.randomUUID() + ".txt";
        alice.upload(secret, "for alice only".getBytes(StandardCharsets.UTF_8));

        WireClient bob = loggedIn("bob", BOB_PASSWORD);
        assertEquals("ERR@FORBIDDEN path leaves the root", bob.call("DOWNLOAD ../alice/" + secret));
        assertEquals("ERR@FORBIDDEN path leaves the root", bob.call("CHDIR .."));
        assertEquals("ERR@NOT_FOUND /alice/" + secret + " not found", bob.call("DOWNLOAD /alice/" + secret),
                "an absolute path starts in bob's own home");
        assertFalse(bob.dir("/").stream().anyMatch(line -> line.endsWith(" " + secret)));
        assertTrue(bob.call("DELETE ../alice/" + secret).startsWith("ERR@FORBIDDEN "));
        assertTrue(bob.call("MOVE ../alice/" + secret + " /").startsWith("ERR@FORBIDDEN "));

        // links planted in bob's home (by someone on the server) lead nowhere
        Path root = ItConfig.accountsStorageRoot();
        String dirLink = "to-alice-" + UUID.randomUUID();
        String fileLink = "her-secret-" + UUID.randomUUID();
        Files.createSymbolicLink(root.resolve("bob").resolve(dirLink), root.resolve("alice"));
        Files.createSymbolicLink(root.resolve("bob").resolve(fileLink), root.resolve("alice").resolve(secret));
        assertEquals("ERR@FORBIDDEN path leaves the root", bob.call("DOWNLOAD " + dirLink + "/" + secret));
        assertEquals("ERR@FORBIDDEN path leaves the root", bob.call("DOWNLOAD " + fileLink));
        assertTrue(bob.call("DIR " + dirLink).startsWith("ERR@FORBIDDEN "));
        assertTrue(bob.call("UPLOAD " + dirLink + "/planted.txt 1").startsWith("ERR@FORBIDDEN "));
        assertTrue(bob.call("CHDIR " + dirLink).startsWith("ERR@FORBIDDEN "));

        assertArrayEquals("for alice only".getBytes(StandardCharsets.UTF_8), alice.download(secret), "untouched");
        assertFalse(Files.exists(root.resolve("alice").resolve("planted.txt")));
    }

    @Test
    void twoUsersFilesOfTheSameNameAreTwoFilesWithTwoLocks() throws Exception {
        WireClient alice = loggedIn("alice", ALICE_PASSWORD);
        WireClient bob = loggedIn("bob", BOB_PASSWORD);
        String name = "same-" + UUID.randomUUID() + ".bin";
        assertEquals("OK@Ready", alice.call("UPLOAD " + name + " 3"));
        // alice's upload holds its lock; bob's file of the same name is another file
        bob.upload(name, "bob".getBytes(StandardCharsets.UTF_8));
        alice.sendRaw("ali".getBytes(StandardCharsets.UTF_8));
        assertEquals("OK@File uploaded", alice.line());
        assertArrayEquals("ali".getBytes(StandardCharsets.UTF_8), alice.download(name));
        assertArrayEquals("bob".getBytes(StandardCharsets.UTF_8), bob.download(name));
        // within one home, the lock holds as before
        assertEquals("OK@Ready", alice.call("UPLOAD " + name + " 3"));
        WireClient aliceAgain = loggedIn("alice", ALICE_PASSWORD);
        assertEquals("ERR@BUSY /" + name + " is being uploaded", aliceAgain.call("DOWNLOAD " + name),
                "named as alice sees it");
        alice.sendRaw("new".getBytes(StandardCharsets.UTF_8));
        assertEquals("OK@File uploaded", alice.line());
    }

    private WireClient loggedIn(String user, String password) throws IOException {
        WireClient client = client();
        assertEquals("OK@Logged in as " + user, client.call("LOGIN " + user + " " + password));
        return client;
    }

    private WireClient client() throws IOException {
        return track(WireClient.connect());
    }

    private WireClient track(WireClient client) {
        clients.add(client);
        return client;
    }

    private static long msSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
