package org.filedock.cli.shell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.filedock.cli.shell.CommandException;
import org.junit.jupiter.api.Test;

class ConnectAddressTest {

    @Test
    void theDefaultPortIs7021InPlainTextAnd7022WithTls() throws Exception {
        assertEquals(new ConnectCommand.Address("h", 7021, false), ConnectCommand.Address.of(List.of("h")));
        assertEquals(new ConnectCommand.Address("h", 7022, true), ConnectCommand.Address.of(List.of("h", "--tls")));
    }

    @Test
    void theFlagMayStandAnywhereInAnyCaseAndAPortIsKept() throws Exception {
        ConnectCommand.Address expected = new ConnectCommand.Address("h", 7100, true);
        assertEquals(expected, ConnectCommand.Address.of(List.of("h", "7100", "--tls")));
        assertEquals(expected, ConnectCommand.Address.of(List.of("--TLS", "h", "7100")));
    }

    @Test
    void wrongOperandsAreRefused() {
        assertEquals("usage: CONNECT host [port] [--tls]",
                assertThrows(CommandException.class, () -> ConnectCommand.Address.of(List.of("--tls"))).getMessage());
        assertThrows(CommandException.class, () -> ConnectCommand.Address.of(List.of("h", "1", "2")));
        assertEquals("invalid port: 70000 (1-65535)",
                assertThrows(CommandException.class, () -> ConnectCommand.Address.of(List.of("h", "70000", "--tls")))
                        .getMessage());
    }
}
