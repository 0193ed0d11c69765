package com.outboundcalls.contact;

import com.outboundcalls.time.Times;

import java.time.Instant;

/** The words of a contact's history: one decision per change, with when and why, as its report shows it. */
public final class ContactHistory {

    private ContactHistory() {
    }

    public static ContactRecord.Decision stored(Instant at, String sourceFile, long sourceRow) {
        return new ContactRecord.Decision(at, "STORED", sourceRow > 0 ? "from row " + sourceRow + " of " + sourceFile
                : "from " + sourceFile);
    }

    public static ContactRecord.Decision queued(Instant at, Instant leaseUntil) {
        return decision(ContactTransition.CLAIM_FOR_QUEUE, at, "for the dial queue until " + Times.iso(leaseUntil));
    }

    public static ContactRecord.Decision deferredToWindow(Instant at, Instant dueAt) {
        return decision(ContactTransition.DEFER, at, "outside the calling window until " + Times.iso(dueAt));
    }

    public static ContactRecord.Decision placed(Instant at, int attempt, String connectContactId) {
        return decision(ContactTransition.MARK_DIALING, at, "attempt " + attempt + ", Connect contact "
                + connectContactId);
    }

    public static ContactRecord.Decision returnedToHopper(Instant dueAt, String reason) {
        return decision(ContactTransition.RETURN_TO_HOPPER, dueAt, reason + ", due again " + Times.iso(dueAt));
    }

    public static ContactRecord.Decision opposed(Instant at) {
        return decision(ContactTransition.MARK_OPPOSED, at, "the number is on the opposition list: not called");
    }

    public static ContactRecord.Decision undialable(Instant at, String reason) {
        return decision(ContactTransition.MARK_UNDIALABLE, at, reason);
    }

    public static ContactRecord.Decision settled(Instant at, String outcome, ContactStatus next, Instant dueAt) {
        return decision(ContactTransition.SETTLE, at, outcome + " -> " + next + (dueAt == null ? ""
                : ", due again " + Times.iso(dueAt)));
    }

    public static ContactRecord.Decision settledUncounted(Instant at, String outcome, Instant dueAt) {
        return decision(ContactTransition.SETTLE_UNCOUNTED, at, outcome
                + " -> CALLABLE, not counted against the tariff, due again " + Times.iso(dueAt));
    }

    private static ContactRecord.Decision decision(ContactTransition transition, Instant at, String detail) {
        return new ContactRecord.Decision(at, transition.event(), detail);
    }
}
