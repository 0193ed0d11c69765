package com.outboundcalls.rate;

import com.outboundcalls.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * The fields of an "Amazon Connect Contact Event" (EventBridge, source aws.connect) that rating needs.
 * Unknown fields and event types are ignored, as Connect's documentation asks.
 */
public record ContactEvent(String eventType, String contactId, Instant initiationTimestamp,
                           Instant connectedToSystemTimestamp, Instant disconnectTimestamp, String disconnectReason,
                           String answeringMachineDetectionStatus, Instant eventTime, Instant connectedToAgentTimestamp,
                           String agentId) {

    /** An event without agent: an agentless call, or one no agent took. */
    public ContactEvent(String eventType, String contactId, Instant initiationTimestamp,
                        Instant connectedToSystemTimestamp, Instant disconnectTimestamp, String disconnectReason,
                        String answeringMachineDetectionStatus, Instant eventTime) {
        this(eventType, contactId, initiationTimestamp, connectedToSystemTimestamp, disconnectTimestamp,
                disconnectReason, answeringMachineDetectionStatus, eventTime, null, null);
    }

    /** An agent took the call (Connect's agentInfo.connectedToAgentTimestamp). */
    public boolean reachedAgent() {
        return connectedToAgentTimestamp != null;
    }

    public static final String SOURCE = "aws.connect";
    public static final String DETAIL_TYPE = "Amazon Connect Contact Event";

    public boolean isDisconnected() {
        return "DISCONNECTED".equals(eventType);
    }

    public boolean wasAnswered() {
        return connectedToSystemTimestamp != null;
    }

    /** Answered by a machine (answering machine detection said so). */
    public boolean reachedVoicemail() {
        return answeringMachineDetectionStatus != null && answeringMachineDetectionStatus.startsWith("VOICEMAIL");
    }

    /** Parses the EventBridge envelope; rejects anything that is not a Connect contact event. */
    public static ContactEvent fromEventBridgeJson(String json) {
        JsonNode root;
        try {
            root = JsonTrees.read(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("contact event is not JSON", e);
        }
        if (!SOURCE.equals(root.path("source").asText()) || !DETAIL_TYPE.equals(root.path("detail-type").asText())) {
            throw new IllegalArgumentException("not an Amazon Connect contact event: source="
                    + root.path("source").asText() + ", detail-type=" + root.path("detail-type").asText());
        }
        JsonNode detail = root.path("detail");
        String contactId = text(detail, "contactId");
        if (contactId == null) {
            throw new IllegalArgumentException("contact event without contactId");
        }
        JsonNode agent = detail.path("agentInfo");
        return new ContactEvent(text(detail, "eventType"), contactId, instant(detail, "initiationTimestamp"),
                instant(detail, "connectedToSystemTimestamp"), instant(detail, "disconnectTimestamp"),
                text(detail, "disconnectReason"), text(detail, "answeringMachineDetectionStatus"),
                instant(root, "time"), instant(agent, "connectedToAgentTimestamp"), agentId(text(agent, "agentArn")));
    }

    /** The agent's id, the last part of its ARN ({@code .../agent/<id>}). */
    private static String agentId(String arn) {
        return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
