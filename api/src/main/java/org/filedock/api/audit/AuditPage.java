package org.filedock.api.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the audit trail, newest first. */
@Schema(description = "One page of the audit trail, newest first")
public record AuditPage(
        List<AuditEntry> items,
        @Schema(description = "the page size asked for")
        int limit,
        @Schema(description = "how many matches come before this page")
        int offset,
        @Schema(description = "how many entries match the filters")
        long total) {

    public AuditPage {
        items = List.copyOf(items);
    }
}
