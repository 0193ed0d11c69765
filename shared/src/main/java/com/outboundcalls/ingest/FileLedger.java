package com.outboundcalls.ingest;

import java.util.Optional;

/** Remembers which file versions were ingested, so a redelivered S3 event does nothing new. */
public interface FileLedger {

    /** The stored summary of a file version already ingested, if any. */
    Optional<String> completedSummary(String fileId);

    void markCompleted(String fileId, String summaryJson);
}
