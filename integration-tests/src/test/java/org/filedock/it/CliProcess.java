package org.filedock.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar filedock-cli.jar} as a user would, with a script on its standard input. */
final class CliProcess {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private CliProcess() {
    }

    /**
     * @param home the CLI's {@code user.home} (its history and known_hosts), and where its output is kept
     * @param arguments the CLI's options
     */
    static Result run(Path home, List<String> arguments, String stdin) throws IOException, InterruptedException {
        return run(home, arguments, Map.of(), stdin);
    }

    /** As {@link #run(Path, List, String)}, with these variables added to the CLI's environment. */
    static Result run(Path home, List<String> arguments, Map<String, String> environment, String stdin)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "cli", ".out");
        Path err = Files.createTempFile(home, "cli", ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-jar", ItConfig.cliJar().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("FILEDOCK_PASSWORD");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI finished");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
