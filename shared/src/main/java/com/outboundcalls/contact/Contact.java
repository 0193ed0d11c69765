package com.outboundcalls.contact;

import java.time.Instant;
import java.util.Map;

/**
 * A contact as stored: who to call, and how far the calling has gone.
 *
 * @param attempts attempts already placed
 */
public record Contact(String clientId, String campaignId, String contactId, String e164, String region,
                      String numberType, Map<String, String> attributes, ContactStatus status, int attempts,
                      Instant dueAt, String connectContactId) {
}
