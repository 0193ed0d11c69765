package com.outboundcalls.dial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.outboundcalls.json.JsonTrees;

import java.util.Set;

/** What the feeder puts on the dial queue: which contact, which attempt. No phone number travels. */
public record DialMessage(String clientId, String campaignId, String contactId, int attempt) {

    private static final Set<String> FIELDS = Set.of("clientId", "campaignId", "contactId", "attempt");

    public String campaignKey() {
        return clientId + "#" + campaignId;
    }

    /** Deterministic per (contact, attempt): Connect's ClientToken, so a retry never places a second call. */
    public String clientToken() {
        return ClientTokens.of(contactId, attempt);
    }

    public String toJson() {
        return JsonTrees.write(JsonTrees.object().put("clientId", clientId).put("campaignId", campaignId)
                .put("contactId", contactId).put("attempt", attempt));
    }

    /** The message; one that is not a JSON object of these four fields, each of its type, is refused. */
    public static DialMessage fromJson(String body) {
        JsonNode root;
        try {
            root = JsonTrees.fields(JsonTrees.read(body), FIELDS, "dial message");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("dial message is not JSON: " + e.getOriginalMessage(), e);
        }
        long attempt = JsonTrees.whole(root, "attempt", "dial message");
        DialMessage m = new DialMessage(JsonTrees.text(root, "clientId", "dial message"),
                JsonTrees.text(root, "campaignId", "dial message"), JsonTrees.text(root, "contactId", "dial message"),
                attempt > Integer.MAX_VALUE ? 0 : (int) attempt);
        if (m.clientId() == null || m.campaignId() == null || m.contactId() == null || m.attempt() < 1) {
            throw new IllegalArgumentException("dial message lacks clientId, campaignId, contactId or attempt");
        }
        return m;
    }
}
