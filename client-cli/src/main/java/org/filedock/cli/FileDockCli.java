package org.filedock.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.filedock.cli.bench.BenchCommand;
import org.filedock.cli.client.ConnectionSettings;
import org.filedock.cli.client.FileDockClient;
import org.filedock.cli.login.PasswordFile;
import org.filedock.cli.login.PasswordSource;
import org.filedock.cli.run.CliEnvironment;
import org.filedock.cli.run.InteractiveMode;
import org.filedock.cli.run.ScriptMode;
import org.filedock.cli.run.ShellSetup;
import org.filedock.cli.run.StartConnection;
import org.filedock.cli.tls.Fingerprint;
import org.filedock.protocol.Protocol;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code filedock-cli}: the shell is this command's own action, so that later subcommands (such
 * as a benchmark) can sit beside it without changing how the shell is started.
 */
@Command(name = "filedock-cli",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Command-line client of a FileDock server.",
            "",
            "With a terminal on standard input and no -c option, it runs an interactive shell "
                    + "(history, completion of command words, progress bars).",
            "Otherwise it runs in script mode: the commands are read from the -c options, "
                    + "or else one per line from standard input; output is plain text, "
                    + "and errors go to standard error as \"error: <text>\".",
            "In script mode, empty lines and lines starting with # are skipped; a failed command is "
                    + "reported and the script goes on with the next line (like sh without -e); EXIT "
                    + "stops reading commands (refused while connected, like in the shell); at the end "
                    + "the client disconnects if it is still connected.",
            "With --tls (or CONNECT host [port] --tls), a certificate the Java trust store accepts for the host "
                    + "name is trusted; otherwise its SHA-256 fingerprint must match --trust-fingerprint, or the line "
                    + "of host:port in ~/.filedock/known_hosts. The shell asks about a new server and remembers a "
                    + "yes; a script refuses it, and a changed certificate is always refused.",
            "LOGIN never takes a password on its line: it comes from --password-file, else from the variable "
                    + FileDockCli.PASSWORD_VARIABLE + ", else the shell asks for it without echo.",
            ""
        },
        footerHeading = "%nCommands (case-insensitive; quote arguments with spaces: UPLOAD \"my file.txt\"):%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every command succeeded (interactive shell: always, unless the terminal fails)",
            "1:at least one command failed: a server error (such as a refused login), a local error such as "
                    + "a missing file, an unknown command or wrong arguments, not being connected, or a server "
                    + "that could not be reached or trusted",
            "2:invalid command-line options"
        })
public final class FileDockCli implements Callable<Integer> {

    /** The environment variable a script can give LOGIN's password in. */
    public static final String PASSWORD_VARIABLE = "FILEDOCK_PASSWORD";

    @Option(names = {"-H", "--host"}, paramLabel = "HOST", description = "server to connect to at start")
    private String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "server port, with --host (default: " + Protocol.DEFAULT_PORT + ", "
                    + FileDockClient.DEFAULT_TLS_PORT + " with --tls)")
    private Integer port;

    @Option(names = "--tls", description = "connect to --host over TLS (1.3 or 1.2) and check its certificate: "
            + "trusted by the system, or by its fingerprint in known_hosts or --trust-fingerprint")
    private boolean tls;

    @Option(names = "--trust-fingerprint", paramLabel = "SHA256:HEX",
            description = "accept only the TLS certificate with this SHA-256 fingerprint (as the server logs it; "
                    + "hex with or without colons, any case), whoever signed it; nothing is saved")
    private String trustFingerprint;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "the fingerprints of accepted TLS servers (default: ~/.filedock/known_hosts)")
    private Path knownHosts;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME",
            description = "log in as NAME after connecting to --host")
    private String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "LOGIN's password: the first line of FILE, which must not be readable by others "
                    + "(else the variable " + PASSWORD_VARIABLE + ", else the shell asks; never on the command line)")
    private Path passwordFile;

    @Option(names = "--download-dir", paramLabel = "DIR", defaultValue = ".",
            description = "where DOWNLOAD saves files (default: the current directory)")
    private Path downloadDirectory;

    @Option(names = "--rate-log", paramLabel = "DIR",
            description = "write a rate log for each transfer into DIR: a CSV file (seconds,rate,rolling_average), "
                    + "sampled every 100 ms; RATELOG on|off switches it in the shell")
    private Path rateLogDirectory;

    @Option(names = "-c", paramLabel = "COMMAND",
            description = "run this command (repeatable, run in order) and exit; standard input is not read")
    private List<String> commands;

    @Option(names = "--no-verify",
            description = "do not prove UPLOAD and DOWNLOAD by SHA-256 (by default every transfer is: the upload "
                    + "announces the local file's digest, the download compares what it received with the server's HASH)")
    private boolean noVerify;

    @Option(names = "--no-resume",
            description = "do not make verified UPLOAD and DOWNLOAD resumable (by default they are: an upload that "
                    + "breaks off stays on the server as a hidden partial, a download as .filedock-<name>.part beside "
                    + "its target, and the same command run again, or the automatic retry, goes on from there; the "
                    + "SHA-256 proof covers the whole file, so a source changed meanwhile is caught)")
    private boolean noResume;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "take a resumable transfer up again after its connection dropped at most N times, "
                    + "waiting 1, 2, 4 ... s (default: 3; 0: never)")
    private int retries;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "how long to wait to connect and for each reply (default: 30)")
    private int timeoutSeconds;

    @Spec
    private CommandSpec spec;

    private final CliEnvironment env;

    FileDockCli(CliEnvironment env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(run(args, CliEnvironment.system()));
    }

    /** Runs the program with the given streams and returns its exit status, without exiting. */
    public static int run(String[] args, CliEnvironment env) {
        CommandLine commandLine = new CommandLine(new FileDockCli(env))
                .setOut(new PrintWriter(env.out(), true))
                .setErr(new PrintWriter(env.err(), true))
                .setColorScheme(CommandLine.Help.defaultColorScheme(
                        env.interactive() ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
        commandLine.getCommandSpec().usageMessage().footer(CommandsHelp.lines().toArray(String[]::new));
        commandLine.addSubcommand("bench", new BenchCommand(env.out()));
        commandLine.addSubcommand("usage", new UsageSubcommand());
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        ShellSetup setup = setup();
        if (commands == null && env.interactive()) {
            return InteractiveMode.run(setup, env);
        }
        return ScriptMode.run(setup, env, commands != null ? fromOptions() : fromStandardInput());
    }

    /** A one-shot subcommand: these shell commands in script mode, with this command's options. */
    int runOnce(List<String> shellCommands) {
        if (commands != null) {
            throw new ParameterException(spec.commandLine(), "-c and a subcommand exclude each other");
        }
        return ScriptMode.run(setup(), env, shellCommands.iterator());
    }

    private ShellSetup setup() {
        return new ShellSetup(settings(), checkedDownloadDirectory(), checkedRateLogDirectory(),
                startConnection(), knownHosts != null ? knownHosts : env.defaultKnownHostsFile(), pinnedFingerprint(),
                passwords(), !noVerify, checkedRetries(), !noResume);
    }

    private int checkedRetries() {
        if (retries < 0) {
            throw new ParameterException(spec.commandLine(), "--retries must not be negative");
        }
        return retries;
    }

    private ConnectionSettings settings() {
        if (timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        return new ConnectionSettings(timeout, timeout);
    }

    private StartConnection startConnection() {
        if (host == null) {
            String needsHost = port != null ? "--port" : tls ? "--tls" : user != null ? "--user" : null;
            if (needsHost != null) {
                throw new ParameterException(spec.commandLine(), needsHost + " needs --host");
            }
            return null;
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535");
        }
        return new StartConnection(host, port, tls, user);
    }

    private Fingerprint pinnedFingerprint() {
        try {
            return trustFingerprint == null ? null : Fingerprint.parse(trustFingerprint);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--trust-fingerprint: " + e.getMessage());
        }
    }

    /** {@code --password-file} first, then the environment; read once, checked before anything else happens. */
    private PasswordSource passwords() {
        if (passwordFile != null) {
            try {
                return PasswordSource.fixed(PasswordFile.read(passwordFile));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        String fromEnvironment = env.variables().get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return PasswordSource.fixed(fromEnvironment.toCharArray());
        }
        return PasswordSource.NONE;
    }

    private Path checkedDownloadDirectory() {
        if (!Files.isDirectory(downloadDirectory)) {
            throw new ParameterException(spec.commandLine(), "--download-dir: no such directory: " + downloadDirectory);
        }
        return downloadDirectory;
    }

    private Path checkedRateLogDirectory() {
        if (rateLogDirectory != null && !Files.isDirectory(rateLogDirectory)) {
            throw new ParameterException(spec.commandLine(), "--rate-log: no such directory: " + rateLogDirectory);
        }
        return rateLogDirectory;
    }

    private Iterator<String> fromOptions() {
        return commands.stream().flatMap(String::lines).iterator();
    }

    private Iterator<String> fromStandardInput() {
        return new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8)).lines().iterator();
    }
}
