package com.outboundcalls.contact;

import java.time.Instant;
import java.util.Map;

/**
 * A validated row about to become a contact of a campaign.
 *
 * @param sourceRow    the row of the source file it came from, as a spreadsheet numbers it (0 when unknown)
 * @param consentProof the callee's prior consent as the file recorded it (a date or a proof reference), or null
 */
public record NewContact(String clientId, String campaignId, String contactId, String e164, String region,
                         String numberType, String firstName, String lastName, String company,
                         Map<String, String> attributes, String sourceFile, Instant dueAt, long sourceRow,
                         String consentProof) {

    public NewContact(String clientId, String campaignId, String contactId, String e164, String region,
                      String numberType, String firstName, String lastName, String company,
                      Map<String, String> attributes, String sourceFile, Instant dueAt) {
        this(clientId, campaignId, contactId, e164, region, numberType, firstName, lastName, company, attributes,
                sourceFile, dueAt, 0, null);
    }
}
