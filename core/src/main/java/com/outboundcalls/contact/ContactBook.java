package com.outboundcalls.contact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The contacts' state machine as stored. Every transition is conditional on the state it leaves, so a
 * repeated message or event finds the condition false and changes nothing.
 */
public interface ContactBook {

    /** A contact due in the hopper, with what the feeder needs to decide without reading it whole. */
    record HopperEntry(String campaignKey, String contactId, String region, int attempts, Instant dueAt) {
    }

    /** Contacts of a campaign whose due time has come (callable, or queued with an expired lease). */
    List<HopperEntry> due(String campaignKey, Instant now, int limit);

    /** CALLABLE (or QUEUED with an expired lease) to QUEUED until {@code leaseUntil}. False if it moved on. */
    boolean claimForQueue(String campaignKey, String contactId, Instant now, Instant leaseUntil);

    /**
     * Pushes a due contact to later (outside its calling window): a callable one, or a queued one whose
     * lease has lapsed (its message is presumed lost), which becomes callable again.
     */
    void deferTo(String campaignKey, String contactId, Instant dueAt, Instant now);

    Optional<Contact> get(String campaignKey, String contactId);

    /** QUEUED with {@code attempt - 1} attempts to DIALING with {@code attempt} attempts. */
    boolean markDialing(String campaignKey, String contactId, int attempt, String connectContactId, Instant at);

    /** QUEUED back to CALLABLE, due at the given time, for the reason given; its attempt is not spent. */
    void returnToHopper(String campaignKey, String contactId, Instant dueAt, String reason);

    /** QUEUED straight to a final status: the call could never be placed (number refused by Connect). */
    /**
     * A call Connect could not place (network error): the contact goes back to the hopper, due at {@code dueAt},
     * and the attempt is not counted against the tariff. Conditional like {@link #settle}.
     */
    default boolean settleUncounted(String campaignKey, String contactId, String connectContactId, Instant dueAt,
                                    String outcome, Instant at) {
        return settleUncounted(campaignKey, contactId, connectContactId, dueAt, outcome, at, CallTally.NONE, null);
    }

    /**
     * As above, adding the tally to the campaign's counters in the same write; with {@code preferredAgent}, the next
     * call tries that agent first (a callback the callee asked for), else whatever agent is free.
     */
    boolean settleUncounted(String campaignKey, String contactId, String connectContactId, Instant dueAt,
                            String outcome, Instant at, CallTally tally, String preferredAgent);

    /** A queued contact whose number is on the opposition list leaves the campaign uncalled. */
    void markOpposed(String campaignKey, String contactId, Instant at);

    void markUndialable(String campaignKey, String contactId, String reason, Instant at);

    /**
     * Gives up to {@code limit} of the campaign's contacts that have none an expiry (DynamoDB TTL deletes each with
     * its history then); how many it gave one. Fewer than {@code limit}: every contact of the campaign has one.
     */
    int expireBy(String campaignKey, Instant expiresAt, int limit);

    /**
     * Deletes up to {@code limit} of the campaign's contacts with their histories (a client's data at the end of its
     * contract); how many. Fewer than {@code limit}: the campaign has none left.
     */
    int deleteCampaign(String campaignKey, int limit);

    /** Deletes the contact with its history (a callee's erasure); false when there was none. */
    boolean erase(String campaignKey, String contactId);

    /**
     * DIALING with this Connect contact to its next status: REACHED, NOT_REACHED, or CALLABLE again at
     * {@code dueAt}. False when the contact had already moved on (a duplicated event).
     */
    default boolean settle(String campaignKey, String contactId, String connectContactId, ContactStatus next,
                           Instant dueAt, String outcome, Instant at) {
        return settle(campaignKey, contactId, connectContactId, next, dueAt, outcome, at, CallTally.NONE);
    }

    /** As above, adding the tally to the campaign's counters in the same write. */
    boolean settle(String campaignKey, String contactId, String connectContactId, ContactStatus next,
                   Instant dueAt, String outcome, Instant at, CallTally tally);
}
