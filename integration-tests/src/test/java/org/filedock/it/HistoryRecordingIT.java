package org.filedock.it;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transfers over real sockets show up in the history: bytes, outcome (completed, aborted by the
 * client, failed on the server's side), client address, a rate series that holds together, the
 * CSV file, and the live view while they run.
 */
class HistoryRecordingIT extends SessionInOwnDirectory {

    private static final int MIB = 1024 * 1024;

    private final HistoryHttp api = HistoryHttp.suiteServer();
    HistoryRecordingIT() {
        super("history");
    }

    @Test
    void aPacedUploadIsRecordedWithItsBytesOutcomeAndRateSeries() throws Exception {
        Instant before = Instant.now();
        int chunk = 50_000;
        int chunks = 10;
        assertEquals("OK@Ready", client.call("UPLOAD paced.bin " + chunk * chunks));
        for (int i = 0; i < chunks; i++) {
            client.sendRaw(new byte[chunk]);
            Thread.sleep(60); // paces the client so the server samples it several times
        }
        assertEquals("OK@File uploaded", client.line());

        JsonObject listed = api.awaitTransfers(home + "/", 1).getJsonObject(0);
        JsonObject detail = api.json("/filedock/api/transfers/" + listed.getString("id")).object();
        assertEquals("UPLOAD", detail.getString("direction"));
        assertEquals(home + "/paced.bin", detail.getString("path"));
        assertEquals(client.localAddress(), detail.getString("clientAddress"));
        assertEquals(chunk * chunks, detail.getJsonNumber("declaredSize").longValue());
        assertEquals(chunk * chunks, detail.getJsonNumber("bytesMoved").longValue());
        assertEquals("COMPLETED", detail.getString("outcome"));
        Instant started = Instant.parse(detail.getString("startedAt"));
        Instant ended = Instant.parse(detail.getString("endedAt"));
        assertFalse(started.isBefore(before.minusSeconds(1)), "started " + started + ", test began " + before);
        assertTrue(ended.isAfter(started.plusMillis(500)), started + " .. " + ended);
        double duration = detail.getJsonNumber("durationSeconds").doubleValue();
        assertEquals(Duration.between(started, ended).toNanos() / 1e9, duration, 1e-6);
        assertEquals(chunk * chunks / duration, detail.getJsonNumber("meanRate").doubleValue(),
                chunk * chunks / duration * 1e-3);
        for (String field : List.of("id", "direction", "path", "clientAddress", "declaredSize", "bytesMoved",
                "startedAt", "endedAt", "outcome", "meanRate")) {
            assertEquals(detail.get(field), listed.get(field), field + " listed as in the detail");
        }

        JsonArray samples = api.json("/filedock/api/transfers/" + listed.getString("id") + "/samples").array();
        assertEquals(detail.getInt("sampleCount"), samples.size());
        assertTrue(samples.size() >= 4, "sampled every 100 ms over 600 ms: " + samples);
        RateSeries.assertHoldsTogether(samples, chunk * chunks, duration);
        assertEquals(RateSeries.max(samples, "rate"), detail.getJsonNumber("peakRate").doubleValue(), 1e-9);
    }

    @Test
    void aDownloadIsRecordedAndSoIsTheUploadBeforeIt() throws Exception {
        long size = 32L * MIB;
        client.uploadGenerated("big.bin", size, 7);

        assertEquals("OK@" + size, client.call("DOWNLOAD big.bin"));
        Payloads.DigestSink sink = new Payloads.DigestSink();
        for (long left = size; left > 0; left -= MIB) {
            client.readPayloadTo(sink, Math.min(MIB, left));
            Thread.sleep(15); // a slow reader: the server waits for room and is sampled meanwhile
        }
        assertEquals("OK@Download complete", client.call("COMPLETE"));

        JsonArray both = api.awaitTransfers(home + "/big.bin", 2);
        JsonObject download = both.getJsonObject(0);
        JsonObject upload = both.getJsonObject(1);
        assertEquals("DOWNLOAD", download.getString("direction"), "newest first");
        assertEquals("UPLOAD", upload.getString("direction"));
        for (JsonObject t : List.of(download, upload)) {
            assertEquals(size, t.getJsonNumber("declaredSize").longValue());
            assertEquals(size, t.getJsonNumber("bytesMoved").longValue());
            assertEquals("COMPLETED", t.getString("outcome"));
            assertEquals(client.localAddress(), t.getString("clientAddress"));
        }
        JsonObject detail = api.json("/filedock/api/transfers/" + download.getString("id")).object();
        JsonArray samples = api.json("/filedock/api/transfers/" + download.getString("id") + "/samples").array();
        assertTrue(samples.size() >= 2, samples.toString());
        RateSeries.assertHoldsTogether(samples, size, detail.getJsonNumber("durationSeconds").doubleValue());
    }

    @Test
    void anUploadCutOffMidwayIsAborted() throws Exception {
        try (WireClient uploader = WireClient.connect()) {
            uploader.call("CHDIR " + home);
            assertEquals("OK@Ready", uploader.call("UPLOAD cut.bin 1000000"));
            uploader.sendRaw(new byte[1000]);
        }
        JsonObject cut = api.awaitTransfers(home + "/", 1).getJsonObject(0);
        assertEquals("ABORTED", cut.getString("outcome"));
        assertEquals(home + "/cut.bin", cut.getString("path"));
        assertEquals(1_000_000, cut.getJsonNumber("declaredSize").longValue());
        assertEquals(1000, cut.getJsonNumber("bytesMoved").longValue());
        JsonArray samples = api.json("/filedock/api/transfers/" + cut.getString("id") + "/samples").array();
        assertEquals(1000, samples.getJsonObject(samples.size() - 1).getJsonNumber("bytes").longValue());
    }

    @Test
    void aDownloadWhoseClientGoesAwayIsAborted() throws Exception {
        long size = 32L * MIB;
        client.uploadGenerated("left.bin", size, 9);
        try (WireClient reader = WireClient.connect()) {
            reader.call("CHDIR " + home);
            assertEquals("OK@" + size, reader.call("DOWNLOAD left.bin"));
            reader.readBytes(1024);
        }
        JsonObject download = api.awaitTransfers(home + "/", 2).getJsonObject(0);
        assertEquals("DOWNLOAD", download.getString("direction"));
        assertEquals("ABORTED", download.getString("outcome"));
        long moved = download.getJsonNumber("bytesMoved").longValue();
        assertTrue(moved >= 1024 && moved < size, moved + " of " + size);
    }

    @Test
    void aDownloadWhoseFileShrinksUnderItFailed() throws Exception {
        long size = 32L * MIB;
        client.uploadGenerated("shrinking.bin", size, 11);
        try (WireClient reader = WireClient.connect()) {
            reader.call("CHDIR " + home);
            assertEquals("OK@" + size, reader.call("DOWNLOAD shrinking.bin"));
            reader.readBytes(1024);
            // the server is blocked writing to a reader that does not read; the file loses its tail
            try (FileChannel file = FileChannel.open(
                    ItConfig.storageRoot().resolve(home.substring(1)).resolve("shrinking.bin"),
                    StandardOpenOption.WRITE)) {
                file.truncate(MIB);
            }
            Payloads.DigestSink rest = new Payloads.DigestSink();
            assertThrows(IOException.class, () -> reader.readPayloadTo(rest, size - 1024),
                    "the server closes the connection after a short payload");
        }
        JsonObject download = api.awaitTransfers(home + "/", 2).getJsonObject(0);
        assertEquals("DOWNLOAD", download.getString("direction"));
        assertEquals("FAILED", download.getString("outcome"));
        long moved = download.getJsonNumber("bytesMoved").longValue();
        assertTrue(moved >= 1024 && moved < size, moved + " of " + size);
    }

    @Test
    void aTransferInProgressIsLiveUntilItEnds() throws Exception {
        assertEquals("OK@Ready", client.call("UPLOAD live.bin 1000"));
        client.sendRaw(new byte[400]);

        JsonObject live = awaitLive(home + "/live.bin", 400);
        String id = live.getString("id");
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals("UPLOAD", live.getString("direction"));
        assertEquals(client.localAddress(), live.getString("clientAddress"));
        assertEquals(1000, live.getJsonNumber("declaredSize").longValue());
        assertTrue(live.getJsonNumber("currentRate").doubleValue() >= 0, live.toString());
        Instant.parse(live.getString("startedAt"));

        client.sendRaw(new byte[600]);
        assertEquals("OK@File uploaded", client.line());
        JsonObject finished = api.awaitTransfers(home + "/", 1).getJsonObject(0);
        assertEquals(id, finished.getString("id"));
        assertEquals(1000, finished.getJsonNumber("bytesMoved").longValue());
        assertEquals(live.getString("startedAt"), finished.getString("startedAt"));
        assertTrue(findLive(home + "/live.bin").isEmpty(), "no longer live");
    }

    @Test
    void theSamplesAsTheReportsCsvFile() throws Exception {
        assertEquals("OK@Ready", client.call("UPLOAD csv.bin 300000"));
        for (int i = 0; i < 3; i++) {
            client.sendRaw(new byte[100_000]);
            Thread.sleep(120);
        }
        assertEquals("OK@File uploaded", client.line());
        String id = api.awaitTransfers(home + "/", 1).getJsonObject(0).getString("id");
        JsonArray json = api.json("/filedock/api/transfers/" + id + "/samples").array();

        HistoryHttp.Reply csv = api.get("/filedock/api/transfers/" + id + "/samples", "text/csv");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] lines = csv.body().split("\n");
        assertEquals("seconds,rate,rolling_average", lines[0]);
        assertEquals(json.size() + 1, lines.length, csv.body());
        for (int i = 0; i < json.size(); i++) {
            String[] cells = lines[i + 1].split(",");
            assertEquals(3, cells.length, lines[i + 1]);
            JsonObject sample = json.getJsonObject(i);
            assertEquals(RateSeries.number(sample, "seconds"), Double.parseDouble(cells[0]), 0.0005);
            assertEquals(RateSeries.number(sample, "rate"), Double.parseDouble(cells[1]), 0.05);
            assertEquals(RateSeries.number(sample, "rollingAverage"), Double.parseDouble(cells[2]), 0.05);
        }
        // without text/csv in Accept, JSON
        assertTrue(api.get("/filedock/api/transfers/" + id + "/samples", "*/*").contentType()
                .startsWith("application/json"));
    }

    private JsonObject awaitLive(String path, long bytes) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            Optional<JsonObject> live = findLive(path);
            if (live.isPresent() && live.get().getJsonNumber("bytesMoved").longValue() == bytes) {
                return live.get();
            }
            assertTrue(Instant.now().isBefore(deadline), "live " + path + " with " + bytes + " bytes: " + live);
            Thread.sleep(50);
        }
    }

    private Optional<JsonObject> findLive(String path) throws Exception {
        return api.json("/filedock/api/transfers/live").array().stream()
                .map(JsonObject.class::cast)
                .filter(t -> t.getString("path").equals(path))
                .findFirst();
    }
}
