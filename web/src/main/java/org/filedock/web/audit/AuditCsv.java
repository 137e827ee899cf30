package org.filedock.web.audit;

import java.util.List;

import org.filedock.api.audit.AuditEntry;

/**
 * Audit entries as CSV (RFC 4180): a header line, one entry a line, lines ended by CRLF. A field
 * that holds a comma, a double quote or a line break is quoted, its quotes doubled; a missing value
 * is an empty field. Values are written as stored, never rewritten: a spreadsheet that reads a
 * name starting with {@code =} as a formula must be told otherwise when the file is opened.
 */
final class AuditCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "time,user,client_address,action,path,target,outcome";
    private static final String EOL = "\r\n";

    private AuditCsv() {
    }

    static String format(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER.length() + 2 + entries.size() * 96);
        csv.append(HEADER).append(EOL);
        for (AuditEntry e : entries) {
            csv.append(e.time()).append(',');
            field(csv, e.user()).append(',');
            field(csv, e.clientAddress()).append(',');
            csv.append(e.action()).append(',');
            field(csv, e.path()).append(',');
            field(csv, e.target()).append(',');
            field(csv, e.outcome()).append(EOL);
        }
        return csv.toString();
    }

    static StringBuilder field(StringBuilder csv, String value) {
        if (value == null) {
            return csv;
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return csv.append(value);
        }
        return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
