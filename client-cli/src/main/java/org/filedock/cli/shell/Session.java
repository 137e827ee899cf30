package org.filedock.cli.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.filedock.cli.client.ConnectionSettings;
import org.filedock.cli.client.FileDockClient;
import org.filedock.cli.progress.TransferDisplay;

/** The state the shell commands share: the connection (if any), settings and where to report. */
public final class Session {

    public static final String NOT_CONNECTED = "not connected to a server (use CONNECT host [port] [--tls] first)";

    private final ShellOutput output;
    private final TransferDisplay transfers;
    private final ConnectionSettings settings;
    private final Path downloadDirectory;
    private final RateLogSwitch rateLog;
    private final Access access;
    private FileDockClient client;
    private String host;
    private int port;
    private boolean exitRequested;
    private boolean verifyTransfers = true;
    private boolean resumeTransfers = true;
    private boolean tls;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

    /**
     * A session whose rate log is off (and written to the current directory when turned on
     * without one), with {@link Access#defaults()}.
     */
    public Session(ShellOutput output, TransferDisplay transfers, ConnectionSettings settings, Path downloadDirectory) {
        this(output, transfers, settings, downloadDirectory, new RateLogSwitch(Path.of(".")), Access.defaults());
    }

    public Session(ShellOutput output, TransferDisplay transfers, ConnectionSettings settings, Path downloadDirectory,
                   RateLogSwitch rateLog, Access access) {
        this.output = output;
        this.transfers = transfers;
        this.settings = settings;
        this.downloadDirectory = downloadDirectory;
        this.rateLog = rateLog;
        this.access = access;
    }

    public ShellOutput output() {
        return output;
    }

    public TransferDisplay transfers() {
        return transfers;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public Path downloadDirectory() {
        return downloadDirectory;
    }

    public RateLogSwitch rateLog() {
        return rateLog;
    }

    public Access access() {
        return access;
    }

    /** Whether UPLOAD and DOWNLOAD prove their bytes by SHA-256 unless told {@code --no-verify} (the default). */
    public boolean verifyTransfers() {
        return verifyTransfers;
    }

    /** Off for the global {@code --no-verify}. */
    public void verifyTransfers(boolean verify) {
        verifyTransfers = verify;
    }

    /**
     * Whether a verified UPLOAD or DOWNLOAD is resumable unless told {@code --no-resume} (the
     * default): what broke off is kept and the same command run again goes on from there.
     */
    public boolean resumeTransfers() {
        return resumeTransfers;
    }

    /** Off for the global {@code --no-resume}. */
    public void resumeTransfers(boolean resume) {
        resumeTransfers = resume;
    }

    /** False as soon as the server has gone, even before any command notices. */
    public boolean isConnected() {
        return client != null && client.isOpen();
    }

    /** @throws CommandException when there is no open connection */
    public FileDockClient client() throws CommandException {
        if (!isConnected()) {
            throw new CommandException(NOT_CONNECTED);
        }
        return client;
    }

    public void attach(FileDockClient newClient, String newHost, int newPort) {
        attach(newClient, newHost, newPort, false);
    }

    /** @param overTls whether {@code newClient} speaks TLS, so that {@link #reconnect()} does too */
    public void attach(FileDockClient newClient, String newHost, int newPort, boolean overTls) {
        if (isConnected()) {
            throw new IllegalStateException("already connected");
        }
        client = newClient;
        host = newHost;
        port = newPort;
        tls = overTls;
    }

    /** How often and how patiently a {@code --resume} transfer is taken up again after a dropped connection. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public void retryPolicy(RetryPolicy policy) {
        retryPolicy = policy;
    }

    /**
     * After the connection dropped: connects again to the same server the same way (TLS, the same
     * trust), logs in again as the same user with a password from the same source, and goes back
     * to the same directory.
     *
     * @throws IllegalStateException when there never was a connection
     */
    public void reconnect() throws CommandException, IOException {
        if (client == null) {
            throw new IllegalStateException("no connection to take up again");
        }
        String user = client.user();
        String directory = client.currentDirectory();
        client.close();
        FileDockClient again = tls ? FileDockClient.connectTls(host, port, settings, access.trust())
                : FileDockClient.connect(host, port, settings);
        try {
            if (user != null) {
                char[] password = access.passwords().passwordFor(user)
                        .orElseThrow(() -> new CommandException("no password to log in again as " + user));
                try {
                    again.login(user, password);
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
            if (!directory.equals(again.currentDirectory())) {
                again.chdir(directory);
            }
        } catch (CommandException | IOException | RuntimeException e) {
            again.close();
            throw e;
        }
        client = again;
    }

    public void detach() {
        if (client != null) {
            client.close();
        }
        client = null;
    }

    /** {@code host:port:/current/dir} while connected, {@code user@host:port:/current/dir} once logged in. */
    public Optional<String> location() {
        if (!isConnected()) {
            return Optional.empty();
        }
        String user = client.user() == null ? "" : client.user() + "@";
        return Optional.of(user + host + ":" + port + ":" + client.currentDirectory());
    }

    public void requestExit() {
        exitRequested = true;
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    /** Ends the session politely when the input ends while still connected. */
    public void disconnectIfConnected() {
        if (!isConnected()) {
            detach();
            return;
        }
        try {
            output.message(client.disconnect());
        } catch (IOException e) {
            output.error(ErrorText.of(e));
        } finally {
            detach();
        }
    }
}
