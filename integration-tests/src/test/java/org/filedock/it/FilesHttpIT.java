package org.filedock.it;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

import static org.filedock.it.FilesHttp.assertProblem;
import static org.filedock.it.FilesHttp.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files over HTTP (contract §14) without accounts: every row of the file API and every error
 * code it can give, against the real server, with the socket protocol beside it in the same
 * storage (each test in a directory of its own, made over the socket).
 */
class FilesHttpIT extends SessionInOwnDirectory {

    private final FilesHttp http = FilesHttp.suiteServer();

    @ArquillianResource
    ManagementClient management;

    FilesHttpIT() {
        super("http-files");
    }

    /** The URL path of a storage path: each segment percent-encoded. */
    static String enc(String path) {
        StringBuilder b = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (!segment.isEmpty()) {
                b.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return b.length() == 0 ? "/" : b.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String reprDigest(byte[] content) throws Exception {
        return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content)) + ":";
    }

    @Test
    void aDirectoryIsListedAsJsonInDirOrder() throws Exception {
        client.upload("b.txt", bytes("bee"));
        client.upload("\"a b.txt\"", bytes("a space"));
        assertEquals("OK@sub created", client.call("MKDIR sub"));

        HttpResponse<byte[]> response = http.get(enc(home));
        assertEquals(200, response.statusCode(), FilesHttp.text(response));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject listing = json(response);
        assertEquals(home, listing.getString("path"));
        JsonArray entries = listing.getJsonArray("entries");
        assertEquals(List.of("a b.txt", "b.txt", "sub"),
                entries.stream().map(e -> e.asJsonObject().getString("name")).toList());
        JsonObject file = entries.getJsonObject(0);
        assertEquals("file", file.getString("type"));
        assertEquals(7, file.getJsonNumber("size").longValue());
        assertTrue(file.getString("modified").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), file.toString());
        assertEquals("directory", entries.getJsonObject(2).getString("type"));

        // the root of the area, with and without the trailing slash
        assertEquals("/", json(http.get("")).getString("path"));
        assertEquals("/", json(http.get("/")).getString("path"));
    }

    @Test
    void aFileComesWithItsValidatorsAndSafeHeaders() throws Exception {
        byte[] content = bytes("hello, range world");
        client.upload("\"r\u00e9sum\u00e9 \\\"q\\\".txt\"", content);
        String name = "r\u00e9sum\u00e9 \"q\".txt";

        HttpResponse<byte[]> response = http.get(enc(home + "/" + name));
        assertEquals(200, response.statusCode());
        assertArrayEquals(content, response.body());
        var headers = response.headers();
        assertEquals(String.valueOf(content.length), headers.firstValue("Content-Length").orElse(""));
        String etag = headers.firstValue("ETag").orElse("");
        assertTrue(etag.matches("\"[^\"]+\""), "a strong tag: " + etag);
        assertTrue(headers.firstValue("Last-Modified").orElse("").endsWith(" GMT"), headers.toString());
        assertEquals("bytes", headers.firstValue("Accept-Ranges").orElse(""));
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(headers.firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"), headers.toString());
        assertEquals("text/plain;charset=UTF-8", headers.firstValue("Content-Type").orElse("").replace(" ", ""));
        assertEquals("inline; filename=\"r_sum_ _q_.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22q%22.txt",
                headers.firstValue("Content-Disposition").orElse(""));

        // a HEAD: the same headers, no body, no transfer
        HttpResponse<byte[]> head = http.send(http.request(enc(home + "/" + name)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals(etag, head.headers().firstValue("ETag").orElse(""));
        assertEquals(0, head.body().length);

        // If-None-Match with the current tag: 304; with another: the file
        HttpResponse<byte[]> notModified = http.send(http.request(enc(home + "/" + name)).header("If-None-Match", etag));
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertEquals(200, http.send(http.request(enc(home + "/" + name)).header("If-None-Match", "\"other\"")).statusCode());

        // a replace gives another tag
        client.upload("\"r\u00e9sum\u00e9 \\\"q\\\".txt\"", bytes("hello, RANGE world"));
        assertFalse(etag.equals(http.get(enc(home + "/" + name)).headers().firstValue("ETag").orElse("")));
    }

    @Test
    void oneRangeIsServedAndOneBeyondTheEndIsUnsatisfiable() throws Exception {
        byte[] content = bytes("0123456789abcdef");
        client.upload("r.bin", content);
        String path = enc(home + "/r.bin");

        HttpResponse<byte[]> middle = http.send(http.request(path).header("Range", "bytes=2-5"));
        assertEquals(206, middle.statusCode());
        assertEquals("bytes 2-5/16", middle.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(bytes("2345"), middle.body());
        assertEquals("4", middle.headers().firstValue("Content-Length").orElse(""));

        HttpResponse<byte[]> rest = http.send(http.request(path).header("Range", "bytes=10-"));
        assertEquals(206, rest.statusCode());
        assertArrayEquals(bytes("abcdef"), rest.body());
        assertEquals("bytes 10-15/16", rest.headers().firstValue("Content-Range").orElse(""));

        HttpResponse<byte[]> suffix = http.send(http.request(path).header("Range", "bytes=-3"));
        assertEquals(206, suffix.statusCode());
        assertArrayEquals(bytes("def"), suffix.body());

        HttpResponse<byte[]> beyond = http.send(http.request(path).header("Range", "bytes=16-20"));
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */16", beyond.headers().firstValue("Content-Range").orElse(""));

        // If-Range with an old tag: the whole (new) file
        HttpResponse<byte[]> stale = http.send(http.request(path).header("Range", "bytes=2-5").header("If-Range", "\"old\""));
        assertEquals(200, stale.statusCode());
        assertArrayEquals(content, stale.body());
    }

    /** The body goes out through the copy buffer by default, through sendfile when so configured. */
    @Test
    void bothWaysOfSendingABodyGiveTheSameBytes() throws Exception {
        byte[] content = new byte[9 * 1024 * 1024 + 12_345]; // beyond the 1 MiB buffer and sendfile's 4 MiB steps
        new Random(7).nextBytes(content);
        client.upload("big.bin", content);
        String path = enc(home + "/big.bin");
        try {
            for (boolean sendfile : new boolean[] {false, true}) {
                setSendfile(sendfile);
                assertArrayEquals(content, http.send(http.request(path)).body(), "sendfile=" + sendfile);
                HttpResponse<byte[]> part = http.send(http.request(path).header("Range", "bytes=1048570-5242890"));
                assertEquals(206, part.statusCode());
                assertArrayEquals(Arrays.copyOfRange(content, 1_048_570, 5_242_891), part.body(), "sendfile=" + sendfile);
            }
        } finally {
            setSendfile(null);
        }
    }

    private void setSendfile(Boolean on) throws Exception {
        ModelNode address = new ModelNode().add("system-property", "filedock.http.sendfile");
        ModelNode remove = new ModelNode();
        remove.get("operation").set("remove");
        remove.get("address").set(address);
        management.getControllerClient().execute(remove); // absent the first time: that failure is fine
        if (on != null) {
            ModelNode add = new ModelNode();
            add.get("operation").set("add");
            add.get("address").set(address);
            add.get("value").set(on.toString());
            ModelNode result = management.getControllerClient().execute(add);
            assertEquals("success", result.get("outcome").asString(), result.toString());
        }
    }

    @Test
    void uploadedHtmlIsNeverServedAsHtml() throws Exception {
        client.upload("page.html", bytes("<script>alert(document.cookie)</script>"));
        client.upload("drawing.svg", bytes("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"));
        for (String name : List.of("page.html", "drawing.svg")) {
            HttpResponse<byte[]> response = http.get(enc(home + "/" + name));
            assertEquals(200, response.statusCode());
            assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }

    @Test
    void putCreatesThenReplacesAtomically() throws Exception {
        String path = enc(home + "/new file.txt");
        HttpResponse<byte[]> created = http.put(path, bytes("first"));
        assertEquals(201, created.statusCode(), FilesHttp.text(created));
        assertArrayEquals(bytes("first"), client.download("\"new file.txt\""));

        HttpResponse<byte[]> replaced = http.put(path, bytes("second, longer"));
        assertEquals(204, replaced.statusCode());
        assertArrayEquals(bytes("second, longer"), http.get(path).body());

        HttpResponse<byte[]> empty = http.put(enc(home + "/empty"), new byte[0]);
        assertEquals(201, empty.statusCode());
        assertEquals(0, http.get(enc(home + "/empty")).body().length);
    }

    @Test
    void aPutBeyondTheContainersDefaultBodyCapIsAccepted() throws Exception {
        byte[] content = new byte[12 * 1024 * 1024]; // WildFly refuses bodies over 10 MiB unless told otherwise
        new java.util.Random(12).nextBytes(content);
        HttpResponse<byte[]> put = http.send(http.request(enc(home + "/large.bin")).header("Repr-Digest", reprDigest(content))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        assertEquals(201, put.statusCode(), FilesHttp.text(put));
        assertArrayEquals(content, client.download("large.bin"));
    }

    @Test
    void aReprDigestIsCheckedBeforeTheReplace() throws Exception {
        String path = enc(home + "/checked.txt");
        byte[] content = bytes("checked content");
        HttpResponse<byte[]> good = http.send(http.request(path).header("Repr-Digest", reprDigest(content))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        assertEquals(201, good.statusCode(), FilesHttp.text(good));

        byte[] other = bytes("tampered content");
        HttpResponse<byte[]> bad = http.send(http.request(path).header("Repr-Digest", reprDigest(content))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(other)));
        assertProblem(bad, 422, "CORRUPT");
        assertArrayEquals(content, http.get(path).body(), "nothing replaced");
        assertEquals(List.of("checked.txt"), json(http.get(enc(home))).getJsonArray("entries").stream()
                .map(e -> e.asJsonObject().getString("name")).toList(), "nothing left behind");

        HttpResponse<byte[]> malformed = http.send(http.request(path).header("Repr-Digest", "sha-256=:bm90IDMyIGJ5dGVz:")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(other)));
        assertProblem(malformed, 400, "BAD_REQUEST");
        assertArrayEquals(content, http.get(path).body());
    }

    @Test
    void putRefusalsCarryTheProtocolsCodes() throws Exception {
        assertEquals("OK@dir created", client.call("MKDIR dir"));
        client.upload("plain", bytes("x"));
        assertProblem(http.put(enc(home + "/dir"), bytes("x")), 409, "IS_A_DIRECTORY");
        assertProblem(http.put(enc(home + "/missing/x"), bytes("x")), 404, "NOT_FOUND");
        assertProblem(http.put(enc(home + "/plain/x"), bytes("x")), 409, "NOT_A_DIRECTORY");
        assertProblem(http.put("/", bytes("x")), 403, "FORBIDDEN");
        assertProblem(http.put(enc(home) + "/a%2Fb", bytes("x")), 400, "BAD_REQUEST");
        assertProblem(http.put(enc(home) + "/bad%FFname", bytes("x")), 400, "BAD_REQUEST");
        assertProblem(http.put(enc(home) + "/ctl%01name", bytes("x")), 400, "BAD_REQUEST");

        // no Content-Length (a chunked body): the size must be known before the first byte
        HttpResponse<byte[]> chunked = http.send(http.request(enc(home + "/chunked")).PUT(
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes("abc")))));
        assertProblem(chunked, 411, "BAD_REQUEST");
        assertProblem(http.get(enc(home + "/chunked")), 404, "NOT_FOUND");
    }

    @Test
    void deleteRemovesFilesAndEmptyDirectories() throws Exception {
        client.upload("gone.txt", bytes("bye"));
        assertEquals("OK@full created", client.call("MKDIR full"));
        client.upload("full/inside", bytes("x"));
        assertEquals("OK@empty created", client.call("MKDIR empty"));

        assertEquals(204, http.delete(enc(home + "/gone.txt")).statusCode());
        assertProblem(http.get(enc(home + "/gone.txt")), 404, "NOT_FOUND");
        assertProblem(http.delete(enc(home + "/gone.txt")), 404, "NOT_FOUND");
        assertProblem(http.delete(enc(home + "/full")), 409, "NOT_EMPTY");
        assertEquals(204, http.delete(enc(home + "/empty")).statusCode());
        assertProblem(http.delete("/"), 403, "FORBIDDEN");
        assertEquals(List.of("full"), client.dir(".").stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList());
    }

    @Test
    void postMakesDirectoriesAndMoves() throws Exception {
        HttpResponse<byte[]> made = http.post(enc(home + "/docs"), "{\"op\":\"mkdir\"}");
        assertEquals(201, made.statusCode(), FilesHttp.text(made));
        assertProblem(http.post(enc(home + "/docs"), "{\"op\":\"mkdir\"}"), 409, "EXISTS");
        assertProblem(http.post(enc(home + "/no/such"), "{\"op\":\"mkdir\"}"), 404, "NOT_FOUND");

        client.upload("\"a b.txt\"", bytes("moving"));
        HttpResponse<byte[]> moved = http.post(enc(home + "/a b.txt"), "{\"op\":\"move\",\"to\":\"" + home + "/docs\"}");
        assertEquals(200, moved.statusCode(), FilesHttp.text(moved));
        assertEquals(home + "/docs/a b.txt", json(moved).getString("path"));
        assertArrayEquals(bytes("moving"), http.get(enc(home + "/docs/a b.txt")).body());

        client.upload("\"a b.txt\"", bytes("again"));
        assertProblem(http.post(enc(home + "/a b.txt"), "{\"op\":\"move\",\"to\":\"" + home + "/docs\"}"), 409, "EXISTS");
        assertProblem(http.post(enc(home + "/docs"), "{\"op\":\"move\",\"to\":\"" + home + "/docs\"}"), 400, "BAD_REQUEST");
        assertProblem(http.post(enc(home + "/a b.txt"), "{\"op\":\"move\",\"to\":\"" + home + "/a b.txt\"}"), 409,
                "NOT_A_DIRECTORY");
        assertProblem(http.post(enc(home + "/a b.txt"), "{\"op\":\"move\"}"), 400, "BAD_REQUEST");
        assertProblem(http.post(enc(home + "/a b.txt"), "{\"op\":\"rename\"}"), 400, "BAD_REQUEST");
        assertProblem(http.post(enc(home + "/a b.txt"), "not json"), 400, "BAD_REQUEST");
        assertProblem(http.post(enc(home + "/a b.txt"), "{\"op\":\"move\",\"to\":\"/..\"}"), 403, "FORBIDDEN");
    }

    @Test
    void anHttpUploadInProgressIsBusyForASocketDownload() throws Exception {
        byte[] content = new byte[100_000];
        Arrays.fill(content, (byte) 'h');
        try (SlowPut put = SlowPut.start(enc(home + "/uploading.bin"), content.length, Arrays.copyOf(content, 1000))) {
            Await.until(() -> client.call("DOWNLOAD uploading.bin").startsWith("ERR@BUSY "),
                    "the socket DOWNLOAD is refused while the PUT runs");
            assertTrue(client.call("UPLOAD uploading.bin 1").startsWith("ERR@BUSY "));
            put.finish(Arrays.copyOfRange(content, 1000, content.length));
            assertEquals(201, put.status());
        }
        assertArrayEquals(content, client.download("uploading.bin"));
    }

    @Test
    void aSocketUploadInProgressIsBusyForHttp() throws Exception {
        client.upload("target.bin", bytes("old"));
        assertEquals("OK@Ready", client.call("UPLOAD target.bin 10"));
        client.sendRaw(bytes("01234"));
        String path = enc(home + "/target.bin");
        assertProblem(http.get(path), 423, "BUSY");
        assertProblem(http.put(path, bytes("other")), 423, "BUSY");
        assertProblem(http.delete(path), 423, "BUSY");
        client.sendRaw(bytes("56789"));
        assertEquals("OK@File uploaded", client.line());
        assertArrayEquals(bytes("0123456789"), http.get(path).body());
    }

    @Test
    void httpTransfersAreInTheHistoryWithTheirChannel() throws Exception {
        HistoryHttp history = HistoryHttp.suiteServer();
        String path = home + "/measured.txt";
        assertEquals(201, http.put(enc(path), bytes("measured over http")).statusCode());
        assertEquals(206, http.send(http.request(enc(path)).header("Range", "bytes=0-3")).statusCode());
        client.download("measured.txt");

        JsonArray items = history.awaitTransfers(path, 3);
        JsonObject socket = items.getJsonObject(0).asJsonObject();
        JsonObject get = items.getJsonObject(1).asJsonObject();
        JsonObject put = items.getJsonObject(2).asJsonObject();
        assertEquals("protocol", socket.getString("channel"));
        assertEquals("DOWNLOAD", get.getString("direction"));
        assertEquals("http", get.getString("channel"));
        assertEquals(4, get.getJsonNumber("bytesMoved").longValue(), "the range's bytes");
        assertEquals("COMPLETED", get.getString("outcome"));
        assertEquals("UPLOAD", put.getString("direction"));
        assertEquals("http", put.getString("channel"));
        assertEquals(18, put.getJsonNumber("bytesMoved").longValue());
        assertEquals("http", history.json("/filedock/api/transfers/" + get.getString("id")).object().getString("channel"));
    }
}
