package org.filedock.web.share;

import java.io.IOException;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.filedock.api.CommandException;
import org.filedock.api.share.ShareLinks;
import org.filedock.api.share.ShareRefused;
import org.filedock.api.share.SharedFile;
import org.filedock.protocol.ErrorCode;
import org.filedock.web.files.ErrorStatus;
import org.filedock.web.files.WebSession;
import org.filedock.api.history.TransferChannel;
import org.filedock.web.files.serve.FileSender;
import org.filedock.web.problem.ServletProblems;
import org.filedock.web.security.BasicCredentials;

/**
 * {@code /s/{token}} (contract §14): the file a share link names, to anyone holding it, served as
 * the file API serves files ({@link FileSender}: ranges, validators, safe headers). A link with a
 * password asks for it with HTTP Basic (any user name). Unknown or revoked: 404; expired: 410.
 */
@WebServlet(name = "FileDockShares", urlPatterns = "/s/*")
public class ShareServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ShareServlet.class.getName());
    private static final String CHALLENGE = "Basic realm=\"FileDock share link\", charset=\"UTF-8\"";

    @EJB
    private transient ShareLinks links;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        String token = info == null ? "" : info.substring(1);
        char[] password = BasicCredentials.passwordOf(request.getHeader("Authorization"))
                .map(String::toCharArray).orElse(null);
        try (SharedFile file = links.open(token, password, new WebSession(request, TransferChannel.SHARE))) {
            response.setHeader("Referrer-Policy", "no-referrer"); // the token is in the URL
            FileSender.send(request, response, file.reading(), file.name(),
                    getServletContext().getMimeType(file.name()));
        } catch (ShareRefused e) {
            refuse(response, e);
        } catch (CommandException e) {
            ServletProblems.send(response, ErrorStatus.of(e.code().name()), e.getMessage(), e.code().name());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "share download failed", e);
            if (!response.isCommitted()) {
                response.reset();
                ServletProblems.send(response, 500, "internal error; the server log has the details",
                        ErrorCode.INTERNAL.name());
            }
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static void refuse(HttpServletResponse response, ShareRefused e) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        switch (e.reason()) {
            case EXPIRED -> ServletProblems.send(response, 410, e.getMessage());
            case PASSWORD -> {
                response.setHeader("WWW-Authenticate", CHALLENGE);
                ServletProblems.send(response, 401, e.getMessage(), ErrorCode.DENIED.name());
            }
            default -> ServletProblems.send(response, 404, e.getMessage(), ErrorCode.NOT_FOUND.name());
        }
    }
}
