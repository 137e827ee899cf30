package org.filedock.api.history;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a transfer listing, newest first. */
@Schema(description = "One page of finished transfers, newest first")
public record TransferPage(
        List<TransferSummary> items,
        @Schema(description = "the page size asked for")
        int limit,
        @Schema(description = "how many matches come before this page")
        int offset,
        @Schema(description = "how many transfers match the filters")
        long total) {

    public TransferPage {
        items = List.copyOf(items);
    }
}
