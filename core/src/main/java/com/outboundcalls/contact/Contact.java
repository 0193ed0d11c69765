package com.outboundcalls.contact;

import java.time.Instant;
import java.util.Map;

/**
 * A contact as stored: who to call, and how far the calling has gone.
 *
 * @param attempts          attempts already placed
 * @param uncountedAttempts of those, the ones Connect could not place (network errors): not counted against
 *                          the client's tariff
 * @param preferredAgent    the agent a callback should reach first (the one the callee asked to call back), or null
 */
public record Contact(String clientId, String campaignId, String contactId, String e164, String region,
                      String numberType, Map<String, String> attributes, ContactStatus status, int attempts,
                      Instant dueAt, String connectContactId, int uncountedAttempts, String preferredAgent) {

    public Contact(String clientId, String campaignId, String contactId, String e164, String region,
                   String numberType, Map<String, String> attributes, ContactStatus status, int attempts,
                   Instant dueAt, String connectContactId, int uncountedAttempts) {
        this(clientId, campaignId, contactId, e164, region, numberType, attributes, status, attempts, dueAt,
                connectContactId, uncountedAttempts, null);
    }

    /** Attempts that count against the client's tariff. */
    public int countedAttempts() {
        return attempts - uncountedAttempts;
    }
}
