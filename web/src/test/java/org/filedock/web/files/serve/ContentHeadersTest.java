package org.filedock.web.files.serve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContentHeadersTest {

    @Test
    void activeTypesAreDownloadsAndPassiveOnesInline() {
        for (String active : new String[] {"text/html", "application/xhtml+xml", "image/svg+xml", "text/xml",
                "application/javascript", "text/css", null, "TEXT/HTML; charset=UTF-8"}) {
            assertEquals("application/octet-stream", ContentHeaders.typeOf(active), String.valueOf(active));
        }
        assertEquals("image/png", ContentHeaders.typeOf("image/png"));
        assertEquals("text/plain; charset=UTF-8", ContentHeaders.typeOf("text/plain;charset=ISO-8859-1"));
        assertEquals("video/mp4", ContentHeaders.typeOf("video/mp4"));
    }

    @Test
    void theNameIsQuotedSafelyInBothForms() {
        assertEquals("attachment; filename=\"a_b_ _c_.html\"; filename*=UTF-8''a%22b%5C%20%E2%82%ACc%0A.html",
                ContentHeaders.disposition("application/octet-stream", "a\"b\\ \u20acc\n.html"));
        assertEquals("inline; filename=\"x_y.png\"; filename*=UTF-8''x%25y.png",
                ContentHeaders.disposition("image/png", "x%y.png"));
    }
}
