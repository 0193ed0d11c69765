package com.outboundcalls.contact;

import java.time.Instant;
import java.util.Map;

/** A validated row about to become a contact of a campaign. */
public record NewContact(String clientId, String campaignId, String contactId, String e164, String region,
                         String numberType, String firstName, String lastName, String company,
                         Map<String, String> attributes, String sourceFile, Instant dueAt) {
}
