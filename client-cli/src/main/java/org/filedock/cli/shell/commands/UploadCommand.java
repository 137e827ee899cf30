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

/** {@code UPLOAD [--no-verify] [--resume|--no-resume] localpath [remotepath]}: the remote name defaults to the local file's name. */
public final class UploadCommand implements ShellCommand {

    private static final CommandSpec SPEC = CommandSpec.server("UPLOAD",
            "[--no-verify] [--resume|--no-resume] localpath [remotepath]",
            "upload a file (default remote name: its own), proven by SHA-256 unless --no-verify;"
                    + " resumable when verified (run it again after a break and it goes on), unless --no-resume", 1, 5);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> arguments) throws CommandException, IOException {
        TransferOptions options = TransferOptions.parse(session, arguments, 1, 2, SPEC.usage());
        List<String> args = options.paths();
        Path local = localPath(args.get(0));
        Path fileName = local.getFileName();
        if (args.size() < 2 && fileName == null) {
            throw new CommandException("cannot tell a remote name from " + args.get(0) + "; give one");
        }
        String remote = args.size() > 1 ? args.get(1) : fileName.toString();
        TrackedTransfer transfer = TrackedTransfer.begin(session, TransferDirection.UPLOAD, lastSegment(remote),
                "upload " + remote);
        Transferred done = ResumingTransfer.run(session, options.resume(), client -> client.upload(local, remote,
                options.verification(), options.resume(), transfer.listener()));
        session.output().message(done.reply());
        transfer.report(done);
    }

    private static String lastSegment(String remote) {
        String trimmed = remote.endsWith("/") ? remote.substring(0, remote.length() - 1) : remote;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static Path localPath(String text) throws CommandException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandException("invalid local path: " + text);
        }
    }
}
