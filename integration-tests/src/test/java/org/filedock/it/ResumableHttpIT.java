package org.filedock.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import static org.filedock.it.FilesHttp.assertProblem;
import static org.filedock.it.FilesHttp.json;
import static org.filedock.it.FilesHttpIT.enc;
import static org.filedock.it.FilesHttpIT.reprDigest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resumable uploads over HTTP (a FileDock extension, docs/protocol.md): a {@code PUT} cut in the
 * middle of its body by a closed connection keeps what arrived; {@code Content-Range: bytes *}{@code /N}
 * tells how much; a {@code PUT} with {@code Content-Range: bytes a-(N-1)/N} continues; the history
 * links the parts. Parts that do not fit are refused precisely and change nothing.
 */
class ResumableHttpIT extends SessionInOwnDirectory {

    private static final int MIB = 1024 * 1024;

    private final FilesHttp http = FilesHttp.suiteServer();

    ResumableHttpIT() {
        super("http-resume");
    }

    @Test
    void anUploadCutOffContinuesFromWhatArrived() throws Exception {
        byte[] content = random(3 * MIB + 17, 1);
        String path = home + "/big upload.bin";
        cutPut(path, content, MIB + 5);

        long held = awaitHeld(path, content.length);
        assertTrue(held > 0 && held <= MIB + 5, "held " + held);
        assertEquals(List.of(), names(home), "nothing visible before the last byte");

        HttpResponse<byte[]> done = putPart(path, content, held, reprDigest(content));
        assertEquals(201, done.statusCode(), FilesHttp.text(done));
        assertEquals(List.of("big upload.bin"), names(home), "one visible file");
        assertEquals(0, offsetOf(path, content.length), "the partial is gone with the commit");

        JsonArray transfers = HistoryHttp.suiteServer().awaitTransfers(path, 2);
        List<JsonObject> parts = transfers.getValuesAs(JsonObject.class);
        assertEquals(List.of("COMPLETED", "ABORTED"), parts.stream().map(t -> t.getString("outcome")).toList());
        assertEquals(List.of((long) content.length - held, (long) content.length),
                parts.stream().map(t -> t.getJsonNumber("declaredSize").longValue()).toList());
        assertEquals(parts.get(0).getString("uploadId"), parts.get(1).getString("uploadId"), "one chain");
        assertEquals("http", parts.get(0).getString("channel"));
        assertArrayEquals(content, http.get(enc(path)).body(), "byte-identical");
    }

    @Test
    void theSocketContinuesAnUploadTheWebBegan() throws Exception {
        byte[] content = random(200_000, 2);
        cutPut(home + "/both.bin", content, 50_000);
        long held = awaitHeld(home + "/both.bin", content.length);
        assertEquals("OK@Ready " + held, client.call("UPLOAD both.bin " + content.length + " resume"));
        client.sendRaw(Arrays.copyOfRange(content, (int) held, content.length));
        assertEquals("OK@File uploaded", client.line());
        assertArrayEquals(content, http.get(enc(home + "/both.bin")).body());
    }

    @Test
    void partsThatDoNotFitAreRefusedAndChangeNothing() throws Exception {
        byte[] content = random(10_000, 3);
        String path = home + "/parts.bin";
        cutPut(path, content, 4_000);
        long held = awaitHeld(path, content.length);

        for (long from : new long[] {0, held - 1, held + 1, content.length - 1}) {
            HttpResponse<byte[]> refused = putPart(path, content, from, null);
            JsonObject problem = assertProblem(refused, 409, "BAD_REQUEST");
            assertEquals(String.valueOf(held), refused.headers().firstValue("Upload-Offset").orElse(null));
            assertTrue(problem.getString("detail").contains("must begin at " + held), problem.toString());
        }
        HttpResponse<byte[]> otherTotal = http.send(http.request(enc(path))
                .header("Content-Range", "bytes " + held + "-" + (2 * content.length - 1) + "/" + 2 * content.length)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) (2 * content.length - held)])));
        assertTrue(assertProblem(otherTotal, 409, "BAD_REQUEST").getString("detail").contains("is of 10000 bytes"));
        assertEquals("0", otherTotal.headers().firstValue("Upload-Offset").orElse(null));

        assertProblem(http.send(http.request(enc(path)).header("Content-Range", "bytes " + held + "-4999/10000")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) (5000 - held)]))), 400, "BAD_REQUEST");
        assertProblem(http.send(http.request(enc(path)).header("Content-Range", "bytes " + held + "-9999/10000")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[100]))), 400, "BAD_REQUEST");
        assertProblem(http.send(http.request(enc(path)).header("Content-Range", "bytes " + held + "-/10000")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[100]))), 400, "BAD_REQUEST");
        assertProblem(http.send(http.request(enc(path)).header("Content-Range", "bytes */10000")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1]))), 400, "BAD_REQUEST");

        assertEquals(held, offsetOf(path, content.length), "the refusals changed nothing");
        assertEquals(0, offsetOf(path, 2L * content.length), "nothing held for another total");
        assertEquals(List.of(), names(home));

        // starting over: the held bytes are dropped (only those of that size), then a part may begin at 0
        assertProblem(http.send(http.request(enc(path)).header("Content-Range", "bytes */20000").DELETE()), 404, "NOT_FOUND");
        assertProblem(http.send(http.request(enc(path)).header("Content-Range", "bytes 0-9/10").DELETE()), 400, "BAD_REQUEST");
        assertEquals(held, offsetOf(path, content.length));
        assertEquals(204, http.send(http.request(enc(path)).header("Content-Range", "bytes */10000").DELETE()).statusCode());
        assertEquals(0, offsetOf(path, content.length));
        cutPut(path, content, 3_000);
        held = awaitHeld(path, content.length);

        // a last part with the wrong digest: CORRUPT, and neither file nor partial kept (contract §11)
        assertProblem(putPart(path, content, held, reprDigest(random(10, 4))), 422, "CORRUPT");
        assertEquals(0, offsetOf(path, content.length));
        assertEquals(List.of(), names(home));
    }

    /**
     * Sends the head of a resumable PUT of the whole content and the first bytes of its body, waits
     * until the server is receiving it (the offset question is BUSY), then closes: a connection
     * dropped mid-body. (Closed at once, the server may see the end before it began the upload.)
     */
    private void cutPut(String path, byte[] content, int sent) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), ItConfig.httpPort())) {
            OutputStream out = socket.getOutputStream();
            String head = "PUT /filedock/api/files" + enc(path) + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + ItConfig.httpPort() + "\r\n"
                    + "Content-Length: " + content.length + "\r\n"
                    + "Content-Range: bytes 0-" + (content.length - 1) + "/" + content.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content, 0, sent);
            out.flush();
            Await.until(() -> offsetOf(path, content.length) < 0, "the server receives the part of " + path);
        } // the connection drops mid-body
    }

    private HttpResponse<byte[]> putPart(String path, byte[] content, long from, String digest)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = http.request(enc(path))
                .header("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content, (int) from, content.length - (int) from));
        return http.send(digest == null ? request : request.header("Repr-Digest", digest));
    }

    /** The offset the server answers for this upload; -1 while a part is still arriving (BUSY). */
    private long offsetOf(String path, long total) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(http.request(enc(path))
                .header("Content-Range", "bytes */" + total).PUT(HttpRequest.BodyPublishers.noBody()));
        if (answer.statusCode() == 423) {
            return -1;
        }
        assertEquals(200, answer.statusCode(), FilesHttp.text(answer));
        JsonObject held = json(answer);
        assertEquals(path, held.getString("path"));
        assertEquals(total, held.getJsonNumber("size").longValue());
        assertEquals(String.valueOf(held.getJsonNumber("offset").longValue()),
                answer.headers().firstValue("Upload-Offset").orElse(null));
        return held.getJsonNumber("offset").longValue();
    }

    /** The offset once the cut part has ended on the server (its end is noticed a moment after the close). */
    private long awaitHeld(String path, long total) throws Exception {
        long[] held = {-1};
        Await.until(() -> (held[0] = offsetOf(path, total)) > 0, "the cut part of " + path + " is kept");
        return held[0];
    }

    private List<String> names(String directory) throws IOException, InterruptedException {
        return json(http.get(enc(directory))).getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("name")).toList();
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
