package com.outboundcalls.ingest;

import java.util.Optional;

/**
 * Remembers which file versions were ingested, so a redelivered S3 event does nothing new, and where a file
 * too long for one invocation was left, so the next one goes on from there.
 */
public interface FileLedger {

    /** The stored summary of a file version already ingested, if any. */
    Optional<String> completedSummary(String fileId);

    void markCompleted(String fileId, String summaryJson);

    /** Marks the file done, and counts its accepted contacts in the campaign's counters once. */
    default void markCompleted(String fileId, String summaryJson, String campaignKey, long accepted) {
        markCompleted(fileId, summaryJson);
    }

    /** Where the last invocation that handed the file over left it. */
    Optional<IngestCheckpoint> checkpoint(String fileId);

    /**
     * Records a checkpoint if the file's last one was leg {@code checkpoint.leg() - 1} (or none for leg 1);
     * false when another invocation already recorded it, which then carries on instead of this one.
     */
    boolean saveCheckpoint(String fileId, IngestCheckpoint checkpoint);

    /** Notes that the next leg after {@code leg} was asked for. */
    void markHandedOver(String fileId, int leg);
}
