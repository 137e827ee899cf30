package org.filedock.cli.run;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's standard streams, whether a person sits at a terminal, its environment variables
 * and the user's home directory (for {@code .filedock_history} and {@code .filedock/known_hosts}).
 * Tests pass their own to run the program in-process.
 */
public record CliEnvironment(InputStream in, PrintStream out, PrintStream err, boolean interactive,
                             Map<String, String> variables, Path home) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** With the process's environment variables and home directory. */
    public CliEnvironment(InputStream in, PrintStream out, PrintStream err, boolean interactive) {
        this(in, out, err, interactive, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static CliEnvironment system() {
        // UTF-8 whatever the locale says: remote names are UTF-8 on the wire and must survive a pipe.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return new CliEnvironment(System.in, out, err, System.console() != null);
    }

    public Path historyFile() {
        return home.resolve(".filedock_history");
    }

    public Path defaultKnownHostsFile() {
        return home.resolve(".filedock").resolve("known_hosts");
    }
}
