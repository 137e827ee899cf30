package org.filedock.web.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.filedock.api.CommandException;
import org.filedock.api.FileDockConfig;
import org.filedock.api.files.FileAccess;
import org.filedock.api.files.FileAccess.UploadResult;
import org.filedock.api.files.FileReading;
import org.filedock.api.files.OffsetMismatch;
import org.filedock.api.history.TransferChannel;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;
import org.filedock.web.files.serve.FileSender;
import org.filedock.web.problem.ServletProblems;

/**
 * {@code /api/files/{path}} (contract §14): list, download, upload, delete, make a directory, move,
 * through {@link FileAccess}, i.e. the beans the socket commands use. A servlet rather than a JAX-RS
 * resource, so that a download can hand the file to the socket without a copy (see
 * {@link FileSender}) and an upload reads the body as it arrives. Access (HTTPS, authentication,
 * cross-site checks) is decided before, by the {@code AccessFilter}; refusals are problem bodies
 * with the protocol's code.
 */
@WebServlet(name = "FileDockFiles", urlPatterns = FilePaths.PREFIX + "/*")
public class FilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FilesServlet.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    /** Where the next part of a resumable upload must begin (the answer to an offset question, a 409). */
    static final String UPLOAD_OFFSET = "Upload-Offset";
    private static final int MAX_OPERATION_BODY = 64 * 1024;
    /** A PUT's body may stall as long as a socket payload (filedock.payload-timeout). */
    private static final Duration PAYLOAD_TIMEOUT = FileDockConfig.fromSystemProperties().payloadTimeout();

    @EJB
    private transient FileAccess files;

    @FunctionalInterface
    private interface Handler {
        void handle(String path) throws CommandException, IOException;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, path -> read(request, response, path));
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, path -> read(request, response, path));
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, path -> upload(request, response, path));
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, path -> {
            Optional<ContentRange> range = ContentRange.parse(request.getHeader("Content-Range"));
            if (range.isPresent() && !range.get().asksOffset()) {
                throw new CommandException(ErrorCode.BAD_REQUEST,
                        "a DELETE with Content-Range names an unfinished upload: bytes */<total>");
            }
            if (range.isPresent()) { // the unfinished upload of that size, not the file
                files.dropPartial(path, range.get().total(), new WebSession(request, TransferChannel.HTTP));
            } else {
                files.delete(path, new WebSession(request, TransferChannel.HTTP));
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        });
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, path -> operate(request, response, path));
    }

    private void read(HttpServletRequest request, HttpServletResponse response, String path)
            throws CommandException, IOException {
        DirEntry entry = files.stat(path);
        if (entry.isDirectory()) {
            Listing listing = Listing.of(path, files.list(path));
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            if (!"HEAD".equals(request.getMethod())) {
                response.getOutputStream().write(JSON.toJson(listing).getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        try (FileReading file = files.openForReading(path, new WebSession(request, TransferChannel.HTTP))) {
            FileSender.send(request, response, file, entry.name(), getServletContext().getMimeType(entry.name()));
        }
    }

    private void upload(HttpServletRequest request, HttpServletResponse response, String path)
            throws CommandException, IOException {
        long size = request.getContentLengthLong();
        if (size < 0 && request.getInputStream().read() < 0) {
            size = 0; // no Content-Length and no body (RFC 9112 §6.3: neither header means an empty body)
        }
        if (size < 0) { // a chunked body: its size is unknown before its end
            ServletProblems.send(response, HttpServletResponse.SC_LENGTH_REQUIRED,
                    "a PUT must announce its size in Content-Length", ErrorCode.BAD_REQUEST.name());
            return;
        }
        Optional<ContentRange> range = ContentRange.parse(request.getHeader("Content-Range"));
        if (range.isPresent() && range.get().asksOffset()) {
            answerOffset(request, response, path, range.get(), size);
            return;
        }
        if (range.isPresent() && size != range.get().length()) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "Content-Length " + size + " is not the length of the part "
                    + request.getHeader("Content-Range") + " (" + range.get().length() + ")");
        }
        PutExchange exchange = new PutExchange(new WebSession(request, TransferChannel.HTTP), request, PAYLOAD_TIMEOUT);
        Optional<String> sha256 = ReprDigest.sha256(request.getHeader("Repr-Digest"));
        UploadResult result = range.isPresent()
                ? files.uploadPart(path, range.get().total(), range.get().first(), sha256, exchange)
                : files.upload(path, size, sha256, exchange);
        Reply reply = result.reply();
        if (reply.isDisconnected() && exchange.interimError() != null) {
            reply = exchange.interimError(); // the body stalled: TIMEOUT, 408
        }
        if (reply.isOk()) {
            if (result.created()) {
                response.setStatus(HttpServletResponse.SC_CREATED);
                response.setHeader("Location", request.getRequestURI());
            } else {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
        } else if (reply.isError()) {
            throw new CommandException(reply.errorCode(), reply.text());
        } else {
            // the body ended before Content-Length bytes (or the client went away): nothing was replaced,
            // and only a resumable part kept what arrived
            throw new CommandException(ErrorCode.BAD_REQUEST, "the request body ended before " + size + " bytes"
                    + (range.isPresent() ? "; the bytes that arrived are kept: ask Content-Range: bytes */"
                    + range.get().total() + " where to go on" : ""));
        }
    }

    /** {@code Content-Range: bytes *}{@code /<total>} and no body: where the next part must begin. */
    private void answerOffset(HttpServletRequest request, HttpServletResponse response, String path,
                              ContentRange question, long bodySize) throws CommandException, IOException {
        if (bodySize > 0) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "Content-Range: bytes */<total> asks the offset: no body");
        }
        long held = files.heldOf(path, question.total(), new WebSession(request, TransferChannel.HTTP));
        response.setHeader(UPLOAD_OFFSET, Long.toString(held));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.toJson(new HeldPart(path, question.total(), held))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"path":"/a.bin","size":1000,"offset":400}}: what the server holds of a resumable upload. */
    public record HeldPart(String path, long size, long offset) {
    }

    private void operate(HttpServletRequest request, HttpServletResponse response, String path)
            throws CommandException, IOException {
        FileOperation operation = operationOf(request);
        if ("mkdir".equals(operation.op)) {
            files.makeDirectory(path, new WebSession(request, TransferChannel.HTTP));
            response.setStatus(HttpServletResponse.SC_CREATED);
            response.setHeader("Location", request.getRequestURI());
        } else if ("move".equals(operation.op)) {
            if (operation.to == null || operation.to.isEmpty()) {
                throw new CommandException(ErrorCode.BAD_REQUEST, "move needs \"to\": the target directory");
            }
            String moved = files.move(path, operation.to, operation.name, new WebSession(request, TransferChannel.HTTP));
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(JSON.toJson(new Moved(moved)).getBytes(StandardCharsets.UTF_8));
        } else {
            throw new CommandException(ErrorCode.BAD_REQUEST, "unknown op: expected \"mkdir\" or \"move\"");
        }
    }

    /** {@code {"path":"/dir/name"}}: where a move put it. */
    public record Moved(String path) {
    }

    private static FileOperation operationOf(HttpServletRequest request) throws CommandException, IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_OPERATION_BODY + 1);
        }
        if (body.length > MAX_OPERATION_BODY) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "the operation's body is too long");
        }
        try {
            FileOperation operation = JSON.fromJson(new String(body, StandardCharsets.UTF_8), FileOperation.class);
            if (operation == null || operation.op == null) {
                throw new CommandException(ErrorCode.BAD_REQUEST, "expected {\"op\":\"mkdir\"} or {\"op\":\"move\",\"to\":\"/dir\"}");
            }
            return operation;
        } catch (JsonbException e) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "the body is no JSON operation: expected {\"op\":...}");
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Handler handler) throws IOException {
        try {
            handler.handle(FilePaths.of(request));
        } catch (OffsetMismatch e) {
            refuse(response, HttpServletResponse.SC_CONFLICT, e.getMessage(), e.code().name(), e.held());
        } catch (CommandException e) {
            refuse(response, ErrorStatus.of(e.code().name()), e.getMessage(), e.code().name());
        } catch (EJBAccessException e) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "not allowed", ErrorCode.FORBIDDEN.name());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, request.getMethod() + " " + request.getRequestURI() + " failed", e);
            refuse(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "internal error; the server log has the details", ErrorCode.INTERNAL.name());
        }
    }

    private static void refuse(HttpServletResponse response, int status, String detail, String code) throws IOException {
        refuse(response, status, detail, code, -1);
    }

    /** @param offset where a resumable upload's next part must begin, -1 if the refusal is of no part */
    private static void refuse(HttpServletResponse response, int status, String detail, String code, long offset)
            throws IOException {
        if (response.isCommitted()) {
            LOG.info("could not report " + code + " (" + detail + "): the response had begun");
            return;
        }
        response.reset();
        if (offset >= 0) {
            response.setHeader(UPLOAD_OFFSET, Long.toString(offset));
        }
        ServletProblems.send(response, status, detail, code);
    }
}
