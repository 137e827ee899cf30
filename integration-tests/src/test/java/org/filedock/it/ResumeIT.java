package org.filedock.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resumed transfers and integrity (contract §10, §11) over real sockets: downloads from an offset,
 * resumable uploads cut and continued, {@code sha256=} checks, {@code HASH} and {@code STAT}.
 */
class ResumeIT extends SessionInOwnDirectory {

    private static final int MIB = 1 << 20;

    ResumeIT() {
        super("resume");
    }

    @Test
    void aDownloadCutAtARandomPointAndResumedIsByteIdentical() throws Exception {
        int size = 8 * MIB + 17;
        byte[] content = random(size, 1);
        client.upload("big.bin", content);
        int cut = 1 + ThreadLocalRandom.current().nextInt(size - 1);

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (WireClient first = WireClient.connect()) {
            first.call("CHDIR " + home);
            assertEquals("OK@" + size, first.call("DOWNLOAD big.bin"));
            first.readPayloadTo(received, cut);
            first.resetOnClose(); // the connection drops with most of the payload unread
        }
        assertEquals("OK@" + (size - cut), client.call("DOWNLOAD big.bin " + cut));
        client.readPayloadTo(received, size - cut);
        assertEquals("OK@Download complete", client.call("COMPLETE"));
        assertArrayEquals(content, received.toByteArray(), "cut at " + cut);
    }

    @Test
    void anUploadCutTwiceAndResumedTwiceIsByteIdenticalAndVerified() throws Exception {
        int size = 6 * MIB + 5;
        byte[] content = random(size, 2);
        String upload = "UPLOAD parts.bin " + size + " resume sha256=" + sha256(content);
        int firstCut = 1 + ThreadLocalRandom.current().nextInt(2 * MIB);
        int secondCut = firstCut + 1 + ThreadLocalRandom.current().nextInt(3 * MIB);

        sendPartAndClose(upload, 0, Arrays.copyOfRange(content, 0, firstCut));
        sendPartAndClose(upload, firstCut, Arrays.copyOfRange(content, firstCut, secondCut));
        assertTrue(client.call("STAT parts.bin").startsWith("ERR@NOT_FOUND "), "nothing visible before the end");

        assertEquals("OK@Ready " + secondCut, callWhenFree(client, upload));
        client.sendRaw(Arrays.copyOfRange(content, secondCut, size));
        assertEquals("OK@File uploaded", client.line());
        assertArrayEquals(content, client.download("parts.bin"), "cut at " + firstCut + " and " + secondCut);
        assertEquals("OK@sha256 " + sha256(content), client.call("HASH parts.bin"));

        // the history has the three parts (newest first, after the download), linked by the upload's id
        JsonArray transfers = HistoryHttp.suiteServer().awaitTransfers(home + "/parts.bin", 4);
        assertEquals("DOWNLOAD", transfers.getJsonObject(0).getString("direction"));
        assertTrue(!transfers.getJsonObject(0).containsKey("uploadId") || transfers.getJsonObject(0).isNull("uploadId"));
        List<JsonObject> parts = transfers.getValuesAs(JsonObject.class).subList(1, 4);
        assertEquals(List.of("COMPLETED", "ABORTED", "ABORTED"), parts.stream().map(t -> t.getString("outcome")).toList());
        assertEquals(List.of((long) size - secondCut, (long) size - firstCut, (long) size),
                parts.stream().map(t -> t.getJsonNumber("declaredSize").longValue()).toList());
        String uploadId = parts.get(0).getString("uploadId");
        for (JsonObject part : parts) {
            assertEquals(uploadId, part.getString("uploadId"));
        }

        // ?uploadId= lists exactly that chain, and nothing for an id no upload had
        JsonObject chain = HistoryHttp.suiteServer()
                .json("/filedock/api/transfers?uploadId=" + HistoryHttp.encode(uploadId)).object();
        assertEquals(3, chain.getInt("total"), chain.toString());
        assertEquals(parts.stream().map(t -> t.getString("id")).toList(),
                chain.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(t -> t.getString("id")).toList());
        assertEquals(0, HistoryHttp.suiteServer().json("/filedock/api/transfers?uploadId=no-such-upload")
                .object().getInt("total"));
    }

    @Test
    void aWrongDigestIsCorruptAndReplacesAndKeepsNothing() throws Exception {
        byte[] old = random(1000, 3);
        client.upload("target.bin", old);
        byte[] content = random(3 * MIB, 4);
        String wrong = sha256(old);

        assertEquals("OK@Ready", client.call("UPLOAD target.bin " + content.length + " sha256=" + wrong));
        client.sendRaw(content);
        assertEquals("ERR@CORRUPT checksum mismatch", client.line());
        assertEquals("OK@Ready 0", client.call("UPLOAD target.bin " + content.length + " resume sha256=" + wrong));
        client.sendRaw(content);
        assertEquals("ERR@CORRUPT checksum mismatch", client.line());
        assertArrayEquals(old, client.download("target.bin"));
        assertEquals(List.of(), StorageFiles.temporaryFiles(home));

        // nothing was kept to resume from: the right digest needs all the bytes again
        assertEquals("OK@Ready 0", client.call("UPLOAD target.bin " + content.length + " resume sha256=" + sha256(content)));
        client.sendRaw(content);
        assertEquals("OK@File uploaded", client.line());
        assertArrayEquals(content, client.download("target.bin"));
        assertTrue(client.call("UPLOAD x 1 sha256=abc").startsWith("ERR@BAD_REQUEST "));
        assertTrue(client.call("UPLOAD x 1 resume resume").startsWith("ERR@BAD_REQUEST "));
    }

    @Test
    void hashIsSha256sumsDigestAndFollowsAReplacement() throws Exception {
        String first = client.uploadGenerated("hashed.bin", 3L * MIB, 5);
        assertEquals("OK@sha256 " + first, client.call("HASH hashed.bin"));
        assertEquals("OK@sha256 " + first, client.call("HASH hashed.bin"), "remembered");
        sha256sum(StorageFiles.onDisk(home + "/hashed.bin")).ifPresent(sum -> assertEquals(first, sum));

        String second = client.uploadGenerated("hashed.bin", 3L * MIB, 6);
        assertEquals("OK@sha256 " + second, client.call("HASH hashed.bin"), "the replaced file has a new digest");
        client.upload("small.txt", "hello\n".getBytes());
        assertEquals("OK@sha256 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03",
                client.call("HASH small.txt"));
        assertTrue(client.call("HASH /").startsWith("ERR@IS_A_DIRECTORY "));
        assertTrue(client.call("HASH missing").startsWith("ERR@NOT_FOUND "));
    }

    @Test
    void aFileBeingUploadedIsBusyForHash() throws Exception {
        try (WireClient uploader = WireClient.connect()) {
            uploader.call("CHDIR " + home);
            assertEquals("OK@Ready", uploader.call("UPLOAD growing.bin 1000"));
            uploader.sendRaw(new byte[10]);
            assertTrue(client.call("HASH growing.bin").startsWith("ERR@BUSY "));
            uploader.sendRaw(new byte[990]);
            assertEquals("OK@File uploaded", uploader.line());
        }
    }

    @Test
    void offsetsAtAndBeyondTheEnd() throws Exception {
        client.upload("ten.txt", "0123456789".getBytes());
        assertTrue(client.call("DOWNLOAD ten.txt 11").startsWith("ERR@BAD_REQUEST "));
        assertEquals("OK@0", client.call("DOWNLOAD ten.txt 10"));
        assertEquals("OK@Download complete", client.call("COMPLETE"));
        assertEquals("OK@3", client.call("DOWNLOAD ten.txt 7"));
        assertArrayEquals("789".getBytes(), client.readBytes(3));
        assertEquals("OK@Download complete", client.call("COMPLETE"));
        assertTrue(client.call("DOWNLOAD ten.txt x").startsWith("ERR@BAD_REQUEST usage: "));
    }

    @Test
    void aSizeDifferentFromThePartialsStartsOverAndDropsIt() throws Exception {
        sendPartAndClose("UPLOAD sized.bin 1000 resume", 0, new byte[400]);
        assertEquals("OK@Ready 0", callWhenFree(client, "UPLOAD sized.bin 1200 resume"));
        client.sendRaw(new byte[1200]);
        assertEquals("OK@File uploaded", client.line());
        assertEquals("OK@Ready 0", client.call("UPLOAD sized.bin 1000 resume"), "the 1000-byte partial is gone");
        client.sendRaw(new byte[1000]);
        assertEquals("OK@File uploaded", client.line());
    }

    @Test
    void twoSessionsResumingTheSameUploadAtOnceDoNotMix() throws Exception {
        byte[] content = random(2 * MIB, 7);
        sendPartAndClose("UPLOAD shared.bin " + content.length + " resume", 0, Arrays.copyOf(content, MIB));
        try (WireClient other = WireClient.connect()) {
            other.call("CHDIR " + home);
            assertEquals("OK@Ready " + MIB, callWhenFree(client, "UPLOAD shared.bin " + content.length + " resume"));
            assertTrue(other.call("UPLOAD shared.bin " + content.length + " resume").startsWith("ERR@BUSY "));
            client.sendRaw(Arrays.copyOfRange(content, MIB, content.length));
            assertEquals("OK@File uploaded", client.line());
        }
        assertArrayEquals(content, client.download("shared.bin"));
    }

    @Test
    void partialDataIsInvisible() throws Exception {
        sendPartAndClose("UPLOAD hidden.bin 5000 resume", 0, new byte[2000]);
        assertEquals(List.of(), client.dir(null));
        assertTrue(client.dir("/").stream().noneMatch(line -> line.contains(".filedock")));
        assertTrue(client.call("STAT hidden.bin").startsWith("ERR@NOT_FOUND "));
        assertTrue(callWhenFree(client, "DOWNLOAD hidden.bin").startsWith("ERR@NOT_FOUND "));
        assertTrue(client.call("DIR /.filedock-resume").startsWith("ERR@BAD_REQUEST "));
        assertEquals("OK@" + home + " deleted", callWhenFree(client, "RMDIR " + home),
                "a directory whose only upload is unfinished is empty");
    }

    @Test
    void statAnswersOneDirLine() throws Exception {
        client.upload("\"a b.txt\"", "12345".getBytes());
        client.call("MKDIR sub");
        List<String> listing = client.dir(null);
        assertEquals("OK@" + listing.get(0), client.call("STAT \"a b.txt\""));
        assertEquals("OK@" + listing.get(1), client.call("STAT sub"));
        assertTrue(client.call("STAT /").matches("OK@d 0 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ /"));
        assertTrue(client.call("STAT nothing").startsWith("ERR@NOT_FOUND "));
    }

    /** One part of a resumable upload: asks, checks the offset, sends the bytes and drops the connection. */
    private void sendPartAndClose(String upload, int expectedOffset, byte[] part) throws Exception {
        try (WireClient session = WireClient.connect()) {
            session.call("CHDIR " + home);
            assertEquals("OK@Ready " + expectedOffset, callWhenFree(session, upload));
            session.sendRaw(part);
        }
    }

    /** The server finishes the previous part (sync, unlock) just after the client dropped it: BUSY until then. */
    private static String callWhenFree(WireClient session, String line) throws Exception {
        String[] reply = new String[1];
        Await.until(() -> {
            reply[0] = session.call(line);
            return !reply[0].startsWith("ERR@BUSY ");
        }, "the previous part has ended");
        return reply[0];
    }

    private static java.util.Optional<String> sha256sum(Path file) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return java.util.Optional.empty(); // no coreutils here: Java's digest alone
        }
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return java.util.Optional.of(out.substring(0, 64));
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(Payloads.sha256().digest(bytes));
    }
}
