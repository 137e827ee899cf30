package org.filedock.web.files.serve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteRangeTest {

    private static ByteRange.Request of(String header) {
        return ByteRange.of(header, 100);
    }

    private static ByteRange.Request part(long first, long length) {
        return new ByteRange.Part(new ByteRange(first, length));
    }

    @Test
    void oneRangeOfEachForm() {
        assertEquals(part(0, 10), of("bytes=0-9"));
        assertEquals(part(90, 10), of("bytes=90-"));
        assertEquals(part(90, 10), of("bytes=90-1000"), "the end is clamped to the file");
        assertEquals(part(97, 3), of("bytes=-3"));
        assertEquals(part(0, 100), of("bytes=-1000"), "a suffix longer than the file is the file");
        assertEquals(part(5, 1), of(" Bytes=5-5 "));
    }

    @Test
    void beyondTheEndIsUnsatisfiable() {
        assertEquals(new ByteRange.Unsatisfiable(), of("bytes=100-"));
        assertEquals(new ByteRange.Unsatisfiable(), of("bytes=100-200"));
        assertEquals(new ByteRange.Unsatisfiable(), of("bytes=-0"));
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.of("bytes=0-", 0));
    }

    @Test
    void anythingElseIsTheWholeFile() {
        for (String header : new String[] {null, "", "bytes=", "bytes=-", "bytes=5-2", "items=0-1", "bytes=0-1,5-6",
                "bytes=a-b", "bytes=+1-2", "bytes=1-x", "bytes=x-", "bytes=99999999999999999999-"}) {
            assertEquals(new ByteRange.Whole(), of(header), String.valueOf(header));
        }
    }
}
