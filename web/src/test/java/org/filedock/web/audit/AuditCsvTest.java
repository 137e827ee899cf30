package org.filedock.web.audit;

import java.time.Instant;
import java.util.List;

import org.filedock.api.audit.AuditAction;
import org.filedock.api.audit.AuditEntry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditCsvTest {

    private static final Instant T = Instant.parse("2026-12-06T12:00:00.123456Z");

    @Test
    void aHeaderThenOneEntryALineEndedByCrLf() {
        String csv = AuditCsv.format(List.of(
                new AuditEntry(T, "alice", "127.0.0.1:5000", AuditAction.MOVE, "/docs/a.txt", "/archive", "OK"),
                new AuditEntry(T.plusSeconds(1), null, "127.0.0.1:5001", AuditAction.LOGIN, null, null, "DENIED")));
        assertEquals("time,user,client_address,action,path,target,outcome\r\n"
                + "2026-12-06T12:00:00.123456Z,alice,127.0.0.1:5000,MOVE,/docs/a.txt,/archive,OK\r\n"
                + "2026-12-06T12:00:01.123456Z,,127.0.0.1:5001,LOGIN,,,DENIED\r\n", csv);
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithTheirQuotesDoubled() {
        assertEquals("plain", field("plain"));
        assertEquals("\"a, b.txt\"", field("a, b.txt"));
        assertEquals("\"say \"\"hi\"\".txt\"", field("say \"hi\".txt"));
        assertEquals("\"two\r\nlines\"", field("two\r\nlines"));
        assertEquals("\"\"\"\"", field("\""));
        assertEquals("", field(""));
        assertEquals("", field(null));
    }

    @Test
    void noEntriesIsTheHeaderAlone() {
        assertEquals(AuditCsv.HEADER + "\r\n", AuditCsv.format(List.of()));
    }

    private static String field(String value) {
        return AuditCsv.field(new StringBuilder(), value).toString();
    }
}
