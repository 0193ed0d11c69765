package com.outboundcalls.infra.localcloud;

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

    /** Puts events (EventBridge envelope JSON) on the bus; each target queue gets them in batches of 10. */
    void putEvents(List<String> events) {
        deliver(events);
    }

    /** Puts events on the bus and returns the URLs of the queues they were delivered to. */
    java.util.Set<String> deliver(List<String> events) {
        Map<String, List<String>> byQueue = new java.util.LinkedHashMap<>();
        for (String eventJson : events) {
            JsonNode event;
            try {
                event = JSON.readTree(eventJson);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("event is not JSON", e);
            }
            for (Rule rule : rules) {
                if (matches(rule.pattern(), event)) {
                    rule.queueUrls().forEach(q -> byQueue.computeIfAbsent(q, k -> new ArrayList<>()).add(eventJson));
                }
            }
        }
        byQueue.forEach((queueUrl, bodies) -> {
            for (int from = 0; from < bodies.size(); from += 10) {
                List<String> chunk = bodies.subList(from, Math.min(bodies.size(), from + 10));
                List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    entries.add(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                            .id(Integer.toString(i)).messageBody(chunk.get(i)).build());
                }
                var response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
                if (!response.failed().isEmpty()) {
                    throw new IllegalStateException(response.failed().size() + " events not delivered to " + queueUrl);
                }
            }
        });
        return byQueue.keySet();
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
