package com.outboundcalls.dial;

import java.time.Instant;

/** A call placed: what links a Connect ContactId back to its contact, attempt and billing facts. */
public record CallRecord(String connectContactId, String clientToken, String clientId, String campaignId,
                         String contactId, int attempt, String originCountry, String destinationCountry,
                         String numberType, Instant placedAt) {

    public String campaignKey() {
        return clientId + "#" + campaignId;
    }
}
