package com.outboundcalls.ingest;

import com.outboundcalls.phone.RejectReason;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where the ingestion of a file stands when an invocation hands it over to the next: the last row done and
 * the counts so far. Rows are numbered as a spreadsheet shows them, so the next invocation re-reads the file
 * and goes on after {@code lastRow}, neither losing nor repeating one.
 *
 * @param leg          how many invocations have worked on the file so far
 * @param rejectParts  how many parts of the rejects report are stored (one per leg)
 * @param handedOver   whether the next leg was asked for (a crash between the checkpoint and the hand-over leaves
 *                     it false, and the leg's retry asks again)
 */
public record IngestCheckpoint(int leg, long lastRow, long rowsRead, long accepted, long skipped,
                               Map<RejectReason, Long> rejectedByReason, String startedAt, int rejectParts,
                               boolean handedOver) {

    public IngestCheckpoint(int leg, long lastRow, long rowsRead, long accepted, long skipped,
                            Map<RejectReason, Long> rejectedByReason, String startedAt, int rejectParts) {
        this(leg, lastRow, rowsRead, accepted, skipped, rejectedByReason, startedAt, rejectParts, false);
    }

    public IngestCheckpoint {
        EnumMap<RejectReason, Long> copy = new EnumMap<>(RejectReason.class);
        if (rejectedByReason != null) {
            copy.putAll(rejectedByReason);
        }
        rejectedByReason = copy;
    }
}
