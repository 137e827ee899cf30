package org.filedock.ejb.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filedock.api.FileDockConfig;
import org.filedock.api.LoginLimits;
import org.filedock.protocol.Request;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code filedock.auth=required}: the gate before login and the refusals of {@code LOGIN}
 * that never reach the realm (its password checks run in the server: {@code AccountsIT}).
 */
@EnableWeld
class AccountsGateTest {

    private static final int ADDRESS_THRESHOLD = 7;
    private static Path root;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().addExtension(new SessionBeanFields()).beanClasses(ServerBeans.COMMANDS_AND_SERVICES))
            .activate(ApplicationScoped.class)
            .build();

    @Inject
    CommandExecutor executor;

    @BeforeAll
    static void accountsRequired() throws Exception {
        root = Files.createTempDirectory("filedock-accounts");
        System.setProperty(FileDockConfig.ROOT, root.toString());
        System.setProperty(FileDockConfig.AUTH, "required");
        System.setProperty(LoginLimits.MAX_FAILURES_PER_ADDRESS, Integer.toString(ADDRESS_THRESHOLD));
    }

    @AfterAll
    static void accountsOff() {
        System.clearProperty(FileDockConfig.ROOT);
        System.clearProperty(FileDockConfig.AUTH);
        System.clearProperty(LoginLimits.MAX_FAILURES_PER_ADDRESS);
    }

    @Test
    void beforeLoginOnlyLoginAndDisconnectRun() throws Exception {
        RecordingExchange exchange = new RecordingExchange();
        for (String line : List.of("PWD", "DIR", "MKDIR x", "UPLOAD x 1", "DOWNLOAD x", "COMPLETE", "FROB",
                "dir /")) {
            assertEquals("ERR@AUTH_REQUIRED login first", run(line, exchange), line);
        }
        assertEquals(List.of(), exchange.sent);
        try (var entries = Files.list(root)) {
            assertEquals(0, entries.count(), "nothing was made");
        }
        assertEquals("ERR@BAD_REQUEST usage: LOGIN <user> <password>", run("LOGIN alice", exchange));
        assertEquals("DISCONNECTED@Goodbye", run("disconnect", exchange));
    }

    @Test
    void aLoggedInSessionMayNotLogInAgainAndRunsItsCommands() {
        RecordingExchange exchange = new RecordingExchange();
        exchange.session().logIn("alice");
        assertEquals("ERR@BAD_REQUEST already logged in", run("LOGIN bob secret", exchange));
        assertEquals("OK@/", run("PWD", exchange));
    }

    @Test
    void unsafeUserNamesFailLikeWrongPasswordsWithADoublingDelayThenTheSessionEnds() {
        RecordingExchange exchange = new RecordingExchange();
        List<String> names = List.of("../bob", "/etc", ".hidden", "a/b", "x".repeat(65));
        long delay = 250;
        for (int i = 0; i < 4; i++) {
            assertEquals("ERR@DENIED invalid user or password", run("LOGIN " + Request.of("x", names.get(i))
                    .toLine().substring(2) + " secret", exchange));
            assertEquals(Duration.ofMillis(delay), exchange.replyDelay, "failure " + (i + 1));
            delay *= 2;
        }
        assertEquals("DISCONNECTED@too many failed logins", run("LOGIN " + names.get(4) + " secret", exchange));
        assertEquals(Duration.ofMillis(delay), exchange.replyDelay);
        assertTrue(exchange.session().user().isEmpty());
    }

    @Test
    void anAddressPastItsThresholdIsRefusedWithoutTheRealm() {
        // a unit test has no security realm: a login that reaches it fails as INTERNAL
        assertEquals("ERR@INTERNAL login unavailable", run("LOGIN alice secret", new RecordingExchange()));
        for (int i = 0; i < ADDRESS_THRESHOLD; i++) {
            RecordingExchange exchange = new RecordingExchange();
            assertEquals("ERR@DENIED invalid user or password", run("LOGIN ../x" + i + " secret", exchange));
        }
        RecordingExchange next = new RecordingExchange();
        assertEquals("ERR@DENIED invalid user or password", run("LOGIN alice secret", next));
        assertEquals(Duration.ofMillis(250), next.replyDelay, "answered as late as any failure");
    }

    private String run(String line, RecordingExchange exchange) {
        try {
            return executor.execute(Request.parse(line), exchange).toLine();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
