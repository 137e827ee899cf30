package org.filedock.cli.run;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard streams, and whether a person sits at a terminal. Tests pass their own
 * streams to run the program in-process.
 */
public record CliEnvironment(InputStream in, PrintStream out, PrintStream err, boolean interactive) {

    public static CliEnvironment system() {
        // UTF-8 whatever the locale says: remote names are UTF-8 on the wire and must survive a pipe.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return new CliEnvironment(System.in, out, err, System.console() != null);
    }
}
