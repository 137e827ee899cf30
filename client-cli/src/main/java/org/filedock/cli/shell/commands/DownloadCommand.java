package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.filedock.cli.client.DigestMismatchException;
import org.filedock.cli.client.Transferred;
import org.filedock.cli.rate.TransferDirection;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.ErrorText;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;
import org.filedock.cli.shell.TrackedTransfer;

/** {@code DOWNLOAD [--no-verify] [--resume|--no-resume] path}: saved under its last name segment in the download directory, replacing a file of that name. */
public final class DownloadCommand implements ShellCommand {

    private static final CommandSpec SPEC = CommandSpec.server("DOWNLOAD", "[--no-verify] [--resume|--no-resume] path",
            "download a file into the download folder, proven by SHA-256 unless --no-verify;"
                    + " resumable when verified (run it again after a break and it goes on), unless --no-resume", 1, 4);

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
        ResumingTransfer.Attempt download = client -> client.download(remote, target, options.verification(),
                options.resume(), transfer.listener());
        Transferred done;
        try {
            done = ResumingTransfer.run(session, options.resume(), download);
        } catch (DigestMismatchException e) {
            if (!e.afterResume()) {
                throw e;
            }
            // the kept partial is gone now: a source replaced since the break is fetched whole, once
            session.output().error(ErrorText.of(e) + "; downloading it again from the start");
            done = ResumingTransfer.run(session, options.resume(), download);
        }
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
