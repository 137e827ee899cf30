package org.filedock.cli.shell.commands;

import java.util.ArrayList;
import java.util.List;
import org.filedock.cli.client.Verification;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.Session;

/**
 * The options UPLOAD and DOWNLOAD take before or among their paths: {@code --no-verify},
 * {@code --resume} and {@code --no-resume}. A file whose name is an option is written
 * {@code ./--no-verify}. A verified transfer is resumable unless told {@code --no-resume} here or
 * globally; an unverified one only with {@code --resume}, since without the digest over the whole
 * file nothing would notice a source that changed between the parts.
 *
 * @param paths the arguments that are not options, in order
 */
record TransferOptions(List<String> paths, Verification verification, boolean resume) {

    static final String NO_VERIFY = "--no-verify";
    static final String RESUME = "--resume";
    static final String NO_RESUME = "--no-resume";

    /** @throws CommandException for another word starting with {@code --}, or the wrong number of paths */
    static TransferOptions parse(Session session, List<String> args, int minPaths, int maxPaths, String usage)
            throws CommandException {
        boolean verify = session.verifyTransfers();
        Boolean resume = null;
        List<String> paths = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals(NO_VERIFY)) {
                verify = false;
            } else if (arg.equals(RESUME)) {
                resume = true;
            } else if (arg.equals(NO_RESUME)) {
                resume = false;
            } else if (arg.startsWith("--")) {
                throw new CommandException("unknown option " + arg + "; usage: " + usage);
            } else {
                paths.add(arg);
            }
        }
        if (paths.size() < minPaths || paths.size() > maxPaths) {
            throw new CommandException("usage: " + usage);
        }
        boolean resumable = resume != null ? resume : verify && session.resumeTransfers();
        return new TransferOptions(List.copyOf(paths), verify ? Verification.VERIFIED : Verification.UNVERIFIED,
                resumable);
    }
}
