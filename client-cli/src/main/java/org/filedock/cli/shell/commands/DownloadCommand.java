package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.filedock.cli.client.Transferred;
import org.filedock.cli.rate.TransferDirection;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;
import org.filedock.cli.shell.TrackedTransfer;

/** {@code DOWNLOAD [--no-verify] [--resume] path}: saved under its last name segment in the download directory, replacing a file of that name. */
public final class DownloadCommand implements ShellCommand {

    private static final CommandSpec SPEC = CommandSpec.server("DOWNLOAD", "[--no-verify] [--resume] path",
            "download a file into the download folder, proven by SHA-256"
                    + " unless --no-verify; --resume goes on where an earlier --resume broke off", 1, 3);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        TransferOptions options = TransferOptions.parse(session, args, 1, 1, SPEC.usage());
        String remote = options.paths().get(0);
        String name = localName(remote);
        Path target = session.downloadDirectory().resolve(name);
        TrackedTransfer transfer = TrackedTransfer.begin(session, TransferDirection.DOWNLOAD, name, "download " + remote);
        Transferred done = ResumingTransfer.run(session, options.resume(), client -> client.download(remote, target,
                options.verification(), options.resume(), transfer.listener()));
        session.output().message(done.reply());
        transfer.report(done);
    }

    /** The last segment of the remote path; a name that would leave the download directory is refused. */
    static String localName(String remote) throws CommandException {
        String trimmed = remote.endsWith("/") ? remote.substring(0, remote.length() - 1) : remote;
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new CommandException("cannot tell a local file name from " + remote);
        }
        try {
            Path path = Path.of(name);
            if (path.getNameCount() != 1 || path.isAbsolute()) {
                throw new CommandException("cannot tell a local file name from " + remote);
            }
        } catch (InvalidPathException e) {
            throw new CommandException("not a valid local file name: " + name);
        }
        return name;
    }
}
