package com.outboundcalls.rate;

import com.outboundcalls.dial.CallLines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Repairs lines whose DISCONNECTED event never came (EventBridge delivers at best effort): a line held longer
 * than a call plausibly lasts is checked with DescribeContact; a contact Connect says has ended is rated and
 * settled as its event would have done, which frees its line. A line that never carried a recorded call is
 * freed once it is long overdue (its dial message was redelivered or dead-lettered by then).
 */
public final class LineAudit {

    /** What one audit did. */
    public record Report(int held, int overdue, int repaired, int stillInCall, int freedWithoutCall) {
    }

    private final CallLines lines;
    private final ContactDescriptions descriptions;
    private final CallRating rating;
    private final Clock clock;
    private final Duration overdue;

    public LineAudit(CallLines lines, ContactDescriptions descriptions, CallRating rating, Clock clock,
                     Duration overdue) {
        this.lines = lines;
        this.descriptions = descriptions;
        this.rating = rating;
        this.clock = clock;
        this.overdue = overdue;
    }

    public Report run() {
        Instant now = clock.instant();
        int held = 0;
        int late = 0;
        int repaired = 0;
        int inCall = 0;
        int freed = 0;
        for (CallLines.HeldLine line : lines.held()) {
            held++;
            if (line.heldSince().plus(overdue).isAfter(now)) {
                continue;
            }
            late++;
            if (line.connectContactId() == null) {
                if (line.heldSince().plus(overdue.multipliedBy(2)).isBefore(now)) {
                    lines.release(line.clientToken());
                    rating.releaseSeat(line.clientToken()); // an agent-assisted call's seat goes with its line
                    freed++;
                }
                continue;
            }
            Optional<ContactEvent> described = descriptions.describe(line.connectContactId());
            if (described.isEmpty() || described.get().disconnectTimestamp() == null) {
                inCall++;
                continue;
            }
            ContactEvent event = described.get();
            rating.handle(new ContactEvent("DISCONNECTED", line.connectContactId(), event.initiationTimestamp(),
                    event.connectedToSystemTimestamp(), event.disconnectTimestamp(), event.disconnectReason(),
                    event.answeringMachineDetectionStatus(), now, event.connectedToAgentTimestamp(), event.agentId()));
            repaired++;
        }
        return new Report(held, late, repaired, inCall, freed);
    }
}
