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

    /** Read port: a campaign's contacts a page at a time, for reports written in steps. */
    public interface Pages {
        /**
         * At most {@code limit} of the campaign's contacts, from the cursor a page before gave (null for the
         * first), in the store's order.
         */
        Page page(String campaignKey, String cursor, int limit);
    }

    /** A page of a campaign's contacts, and where the next begins: null after the last. */
    public record Page(List<ContactRecord> contacts, String next) {
        public Page {
            contacts = List.copyOf(contacts);
        }
    }
}
