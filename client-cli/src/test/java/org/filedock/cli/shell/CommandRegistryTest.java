package org.filedock.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.filedock.cli.shell.commands.StandardCommands;
import org.junit.jupiter.api.Test;

class CommandRegistryTest {

    private static ShellCommand command(String name, String... aliases) {
        CommandSpec spec = new CommandSpec(name, List.of(aliases), "", "test", 0, 0, false);
        return new ShellCommand() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public void run(Session session, List<String> args) {
            }
        };
    }

    @Test
    void findsCommandsByNameOrAliasInAnyCase() {
        ShellCommand chdir = command("CHDIR", "CD");
        CommandRegistry registry = new CommandRegistry().register(chdir).register(command("PWD"));
        assertSame(chdir, registry.find("chdir").orElseThrow());
        assertSame(chdir, registry.find("Cd").orElseThrow());
        assertTrue(registry.find("LS").isEmpty());
    }

    @Test
    void refusesAWordTakenTwice() {
        CommandRegistry registry = new CommandRegistry().register(command("EXIT", "QUIT"));
        assertThrows(IllegalArgumentException.class, () -> registry.register(command("quit")));
        assertEquals(1, registry.commands().size());
    }

    @Test
    void theStandardSetHasEveryCommandOfTheShell() {
        CommandRegistry registry = StandardCommands.registry();
        assertEquals(List.of("CD", "CHDIR", "CONNECT", "DELETE", "DIR", "DISCONNECT", "DOWNLOAD", "EXIT", "HELP", "LOGIN",
                "MKDIR", "MOVE", "PWD", "QUIT", "RATELOG", "RMDIR", "SHARE", "UPLOAD", "USAGE"), registry.words());
        assertEquals("CONNECT", registry.commands().get(0).spec().name());
    }

    @Test
    void onlyLocalCommandsWorkWithoutAConnection() {
        List<String> local = StandardCommands.registry().commands().stream()
                .filter(c -> !c.spec().needsConnection()).map(c -> c.spec().name()).toList();
        assertEquals(List.of("CONNECT", "RATELOG", "EXIT", "HELP"), local);
    }
}
