package org.filedock.web.access;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.SecurityContext;

import org.filedock.api.AuthMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerTest {

    /** What the HTTP authentication tells JAX-RS: a name (null: nobody signed in) and roles. */
    private record Identity(String name, Set<String> roles) implements SecurityContext {
        public Principal getUserPrincipal() {
            return name == null ? null : () -> name;
        }

        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }

        public boolean isSecure() {
            return false;
        }

        public String getAuthenticationScheme() {
            return name == null ? null : BASIC_AUTH;
        }
    }

    private static final Identity NOBODY = new Identity(null, Set.of());
    private static final Identity ALICE = new Identity("alice", Set.of("filedock-user"));
    private static final Identity ADMIN = new Identity("root", Set.of(Caller.ADMINISTRATOR));

    @Test
    void withoutAccountsEverythingIsOpenToEveryone() {
        Caller anyone = new Caller(AuthMode.NONE, NOBODY);
        assertEquals(Optional.empty(), anyone.transfersOf());
        assertNull(anyone.transferFilter(null));
        assertEquals("bob", anyone.transferFilter("bob"));
        assertTrue(anyone.maySee(null));
        assertTrue(anyone.maySee("bob"));
        assertDoesNotThrow(anyone::requireAdministrator);
    }

    @Test
    void aUserSeesOnlyTheirOwnTransfersAndNoAuditTrail() {
        Caller alice = new Caller(AuthMode.REQUIRED, ALICE);
        assertEquals(Optional.of("alice"), alice.transfersOf());
        assertEquals("alice", alice.transferFilter(null));
        assertEquals("alice", alice.transferFilter("alice"));
        assertEquals("only the role filedock-admin may see the transfers of other users",
                assertThrows(AccessDenied.class, () -> alice.transferFilter("bob")).getMessage());
        assertTrue(alice.maySee("alice"));
        assertFalse(alice.maySee("bob"));
        assertFalse(alice.maySee(null), "a transfer made without accounts is nobody's own");
        assertEquals("the audit trail is for the role filedock-admin",
                assertThrows(AccessDenied.class, alice::requireAdministrator).getMessage());
    }

    @Test
    void anAdministratorSeesEverything() {
        Caller admin = new Caller(AuthMode.REQUIRED, ADMIN);
        assertEquals(Optional.empty(), admin.transfersOf());
        assertEquals("bob", admin.transferFilter("bob"));
        assertTrue(admin.maySee("bob"));
        assertDoesNotThrow(admin::requireAdministrator);
    }

    @Test
    void withAccountsSomeoneNotSignedInSeesNothing() {
        Caller nobody = new Caller(AuthMode.REQUIRED, NOBODY);
        assertEquals("not signed in", assertThrows(AccessDenied.class, nobody::transfersOf).getMessage());
        assertThrows(AccessDenied.class, () -> nobody.maySee(null));
        assertEquals("not signed in", assertThrows(AccessDenied.class, nobody::requireAdministrator).getMessage());
    }
}
