package com.outboundcalls.ingest;

import java.util.Optional;

/**
 * The legs of a file too long for one invocation, shared by contact and suppression files: whose turn it is, from
 * the file's checkpoint, and the hand-over to the next leg. A leg runs once; a leg whose checkpoint was written
 * but whose hand-over was not (a crash, an SQS error) asks for the next leg when it is retried.
 */
final class IngestLegs {

    /** What leg {@code leg} has to do: go on from {@code checkpoint} (empty for the first leg), or nothing. */
    record Turn(boolean proceed, Optional<IngestCheckpoint> checkpoint, int lastLeg) {
    }

    private final FileLedger ledger;
    private final IngestHandover handover;

    IngestLegs(FileLedger ledger, IngestHandover handover) {
        this.ledger = ledger;
        this.handover = handover;
    }

    Turn turn(ContactIngestion.UploadedFile file, int leg) {
        Optional<IngestCheckpoint> checkpoint = ledger.checkpoint(file.fileId());
        int lastLeg = checkpoint.map(IngestCheckpoint::leg).orElse(0);
        if (lastLeg == leg && !checkpoint.get().handedOver()) {
            // This leg's checkpoint is written, its hand-over was not: ask now, or the rest would never be read.
            askNext(file, leg);
            return new Turn(false, checkpoint, lastLeg);
        }
        // Another invocation already took the file further, or this leg's turn has not come: nothing to do.
        return new Turn(lastLeg == leg - 1, checkpoint, lastLeg);
    }

    /**
     * Saves the leg's checkpoint and, if it was this invocation's to save, runs {@code beforeHandOver} (the
     * IN_PROGRESS summary) and asks for the next leg. False when another invocation saved it first.
     */
    boolean handOver(ContactIngestion.UploadedFile file, IngestCheckpoint checkpoint, Runnable beforeHandOver) {
        if (!ledger.saveCheckpoint(file.fileId(), checkpoint)) {
            return false;
        }
        beforeHandOver.run();
        askNext(file, checkpoint.leg());
        return true;
    }

    private void askNext(ContactIngestion.UploadedFile file, int leg) {
        handover.resumeLater(file, leg + 1);
        ledger.markHandedOver(file.fileId(), leg);
    }
}
