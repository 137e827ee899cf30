package org.filedock.ejb.command;

import java.time.Instant;
import java.util.Arrays;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.api.share.CreatedShare;
import org.filedock.api.share.ShareLinks;
import org.filedock.ejb.path.PathResolver;
import org.filedock.ejb.share.PublicUrl;
import org.filedock.ejb.share.ShareLinksBean;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/**
 * {@code SHARE <path> <expires-seconds> [password]} (a FileDock extension of protocol 1.2): makes a
 * share link to a file, valid for that many seconds, and answers {@code OK@<url> <expiresAt>}. The
 * URL starts with the server's public web address ({@link PublicUrl}). Like {@code LOGIN}'s, the
 * password travels in the line: over TLS it stays private.
 */
@Dependent
public class ShareCommand implements Command {

    static final String NAME = "SHARE";
    private static final String USAGE = "SHARE <path> <expires-seconds> [password]";

    @Inject
    ShareLinks links;

    private final String publicUrl = PublicUrl.fromSystemProperties();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 2, 3, USAGE);
        long seconds = Arguments.count(request.arg(1), USAGE);
        if (seconds < 1 || seconds > ShareLinksBean.MAX_LIFETIME.toSeconds()) {
            throw new CommandException(ErrorCode.BAD_REQUEST,
                    "a link lasts 1 to " + ShareLinksBean.MAX_LIFETIME.toSeconds() + " seconds");
        }
        String path = PathResolver.resolve(exchange.session().currentDirectory(), request.arg(0)).toString();
        char[] password = request.args().size() > 2 ? request.arg(2).toCharArray() : null;
        try {
            CreatedShare share = links.create(path, Instant.now().plusSeconds(seconds), password, publicUrl, exchange.session());
            return Reply.ok(share.url() + " " + share.expiresAt());
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
