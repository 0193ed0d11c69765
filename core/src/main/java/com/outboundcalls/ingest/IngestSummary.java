package com.outboundcalls.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.outboundcalls.phone.RejectReason;

import java.util.Map;

/**
 * What ingesting one file did, as written to {@code reports/.../{file}.summary.json}.
 *
 * @param status   PROCESSED, REFUSED (nothing stored; {@code refusal} says why in one sentence), UNGRANTED
 *                 (written without an upload link of the client space: not read at all) or IN_PROGRESS (handed
 *                 over to another invocation; the counts are those so far)
 * @param limit    set when the file went past the row limit: the rows after it were not read
 * @param invocations how many Lambda invocations the file took
 * @param columnsLeftOut the columns of a file read leniently that were neither stored nor sent with calls, since
 *                       the client has not marked them as needed for the call; null when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestSummary(String file, String version, String clientId, String campaignId, String status,
                            String refusal, long rowsRead, long accepted, long skipped, long rejected,
                            Map<RejectReason, Long> rejectedByReason, String format, String delimiter,
                            String encoding, String limit, String startedAt, long durationMillis,
                            int invocations, java.util.List<String> columnsLeftOut) {

    public IngestSummary(String file, String version, String clientId, String campaignId, String status,
                         String refusal, long rowsRead, long accepted, long skipped, long rejected,
                         Map<RejectReason, Long> rejectedByReason, String format, String delimiter,
                         String encoding, String limit, String startedAt, long durationMillis, int invocations) {
        this(file, version, clientId, campaignId, status, refusal, rowsRead, accepted, skipped, rejected,
                rejectedByReason, format, delimiter, encoding, limit, startedAt, durationMillis, invocations, null);
    }

    public static final String PROCESSED = "PROCESSED";
    public static final String REFUSED = "REFUSED";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String UNGRANTED = "UNGRANTED";

    /** The summary as it is stored: the file's report, and its ledger entry once the file is done. */
    public String toJson() {
        return FileRefusals.write(this);
    }

    /** A stored summary read back, as a file handled already is answered with it. */
    public static IngestSummary fromJson(String json) {
        return FileRefusals.read(json);
    }
}
