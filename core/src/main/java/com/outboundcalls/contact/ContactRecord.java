package com.outboundcalls.contact;

import java.time.Instant;
import java.util.List;

/**
 * A contact as its campaign report shows it: where it came from, where it stands, and every decision taken
 * about it (stored, queued, placed, deferred until when, skipped and why, settled), oldest first.
 */
public record ContactRecord(String contactId, String e164, String sourceFile, int sourceRow, ContactStatus status,
                            int attempts, int uncountedAttempts, Instant dueAt, List<Decision> history) {

    /** One decision: when, what, and why. */
    public record Decision(Instant at, String event, String detail) {
    }

    public ContactRecord {
        history = List.copyOf(history);
    }

    /** Read port: a campaign's contacts with their histories, for reports. */
    public interface Source {
        void forEachInCampaign(String campaignKey, java.util.function.Consumer<ContactRecord> consumer);
    }
}
