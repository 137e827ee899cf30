package org.filedock.cli.shell.commands;

import org.filedock.cli.shell.CommandException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShareCommandTest {

    @Test
    void durationsInEachUnit() throws CommandException {
        assertEquals(90, ShareCommand.seconds("90"));
        assertEquals(90, ShareCommand.seconds("90s"));
        assertEquals(1800, ShareCommand.seconds("30m"));
        assertEquals(43_200, ShareCommand.seconds("12H"));
        assertEquals(604_800, ShareCommand.seconds("7d"));
        assertEquals(1_209_600, ShareCommand.seconds("2w"));
        assertEquals(604_800, ShareCommand.DEFAULT_SECONDS);
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"", "d", "0d", "-1h", "7x", "1.5h", "99999999999999999w"}) {
            assertThrows(CommandException.class, () -> ShareCommand.seconds(bad), bad);
        }
    }
}
