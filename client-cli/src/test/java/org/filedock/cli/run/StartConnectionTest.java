package org.filedock.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartConnectionTest {

    @Test
    void withoutAPortConnectChoosesTheDefaultOfPlainOrTls() {
        assertEquals(List.of("CONNECT files.example.org"),
                new StartConnection("files.example.org", null, false, null).lines());
        assertEquals(List.of("CONNECT files.example.org --tls", "LOGIN alice"),
                new StartConnection("files.example.org", null, true, "alice").lines());
    }

    @Test
    void thePortAndNamesWithSpacesAreKept() {
        assertEquals(List.of("CONNECT ::1 7100 --tls", "LOGIN \"alice smith\""),
                new StartConnection("::1", 7100, true, "alice smith").lines());
    }
}
