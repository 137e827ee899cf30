package org.filedock.it;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A transfer's rate series as the API returns it, checked against the definition of each field. */
final class RateSeries {

    private RateSeries() {
    }

    /**
     * Times increase, bytes never fall, each rate is the bytes over the time since the previous
     * sample, each rolling average the mean of up to 60 rates, and the last sample is the end.
     */
    static void assertHoldsTogether(JsonArray samples, long size, double duration) {
        List<Double> rates = new ArrayList<>();
        double previousSeconds = 0;
        long previousBytes = 0;
        for (int i = 0; i < samples.size(); i++) {
            JsonObject s = samples.getJsonObject(i);
            double seconds = number(s, "seconds");
            long bytes = s.getJsonNumber("bytes").longValue();
            assertTrue(seconds > previousSeconds, "time increases at " + i + ": " + samples);
            assertTrue(bytes >= previousBytes, "bytes never fall at " + i);
            double rate = number(s, "rate");
            assertEquals((bytes - previousBytes) / (seconds - previousSeconds), rate, Math.max(1e-6, rate * 1e-9));
            rates.add(rate);
            List<Double> window = rates.subList(Math.max(0, rates.size() - 60), rates.size());
            double mean = window.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertEquals(mean, number(s, "rollingAverage"), Math.max(1e-6, mean * 1e-9));
            previousSeconds = seconds;
            previousBytes = bytes;
        }
        assertEquals(size, previousBytes, "the final sample has every byte");
        assertEquals(duration, previousSeconds, 1e-5, "the final sample is at the end");
    }

    static double number(JsonObject o, String field) {
        return ((JsonNumber) o.get(field)).doubleValue();
    }

    static double max(JsonArray samples, String field) {
        return samples.stream().mapToDouble(s -> number((JsonObject) s, field)).max().orElse(0);
    }
}
