package com.outboundcalls.ingest;

import com.outboundcalls.contact.NewContact;

import java.util.List;

/** Where validated contacts are kept; a campaign holds a number once. */
public interface ContactStore {

    enum Outcome {
        /** Stored now. */
        ADDED,
        /** Stored by an earlier pass over this same row of this same file (a retry or a resumed run). */
        ALREADY_ADDED_BY_THIS_ROW,
        /** Stored from an earlier row of this same file. */
        EARLIER_ROW_OF_THIS_FILE,
        /** The campaign already had this number from another file. */
        ALREADY_IN_CAMPAIGN
    }

    /** What became of one contact; {@code earlierRow} is set for {@link Outcome#EARLIER_ROW_OF_THIS_FILE}. */
    record AddResult(Outcome outcome, long earlierRow) {
        public static AddResult of(Outcome outcome) {
            return new AddResult(outcome, 0);
        }
    }

    /**
     * Stores the contacts the campaign does not hold yet and tells, in order, what became of each. The
     * contacts of one call have distinct ids.
     */
    List<AddResult> addAll(List<NewContact> contacts);

    default AddResult addIfAbsent(NewContact contact) {
        return addAll(List.of(contact)).get(0);
    }
}
