package com.outboundcalls.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** What ingesting one file did, as written to {@code reports/.../{file}.summary.json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestSummary(String file, String version, String clientId, String campaignId, String status,
                            String refusal, long rowsRead, long accepted, long skipped, long rejected,
                            Map<RejectReason, Long> rejectedByReason, String delimiter, String encoding,
                            String startedAt, long durationMillis) {

    public static final String PROCESSED = "PROCESSED";
    public static final String REFUSED = "REFUSED";
}
