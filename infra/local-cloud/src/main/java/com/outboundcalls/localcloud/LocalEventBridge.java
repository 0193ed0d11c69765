package com.outboundcalls.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The default event bus: the template's rules, matched on their EventPattern, delivering to SQS targets. */
final class LocalEventBridge {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Rule(String logicalId, Map<String, Object> pattern, List<String> queueUrls) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final SqsClient sqs;

    LocalEventBridge(SqsClient sqs) {
        this.sqs = sqs;
    }

    void addRule(Rule rule) {
        rules.add(rule);
    }

    /** Puts one event (EventBridge envelope JSON) on the bus. */
    void putEvent(String eventJson) {
        JsonNode event;
        try {
            event = JSON.readTree(eventJson);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("event is not JSON", e);
        }
        for (Rule rule : rules) {
            if (matches(rule.pattern(), event)) {
                for (String queueUrl : rule.queueUrls()) {
                    sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(eventJson));
                }
            }
        }
    }

    /** EventBridge matching for the pattern forms this template uses: value lists and nested objects. */
    @SuppressWarnings("unchecked")
    static boolean matches(Map<String, Object> pattern, JsonNode event) {
        for (Map.Entry<String, Object> e : pattern.entrySet()) {
            JsonNode field = event.get(e.getKey());
            if (e.getValue() instanceof Map<?, ?> nested) {
                if (field == null || !matches((Map<String, Object>) nested, field)) {
                    return false;
                }
            } else if (e.getValue() instanceof List<?> allowed) {
                if (field == null || allowed.stream().noneMatch(v -> String.valueOf(v).equals(field.asText()))) {
                    return false;
                }
            }
        }
        return true;
    }
}
