package com.outboundcalls.dial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the feeder puts on the dial queue: which contact, which attempt. No phone number travels. */
public record DialMessage(String clientId, String campaignId, String contactId, int attempt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String campaignKey() {
        return clientId + "#" + campaignId;
    }

    /** Deterministic per (contact, attempt): Connect's ClientToken, so a retry never places a second call. */
    public String clientToken() {
        return ClientTokens.of(contactId, attempt);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DialMessage fromJson(String body) {
        try {
            DialMessage m = JSON.readValue(body, DialMessage.class);
            if (m.clientId() == null || m.campaignId() == null || m.contactId() == null || m.attempt() < 1) {
                throw new IllegalArgumentException("dial message lacks clientId, campaignId, contactId or attempt");
            }
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("dial message is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
