package com.outboundcalls.aws;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers to read and write DynamoDB attribute values. */
final class Items {
    private Items() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue n(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", s(pk));
        key.put("sk", s(sk));
        return key;
    }

    static Map<String, AttributeValue> key(String pk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", s(pk));
        return key;
    }

    /** Puts a string attribute when the value is not null. */
    static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static void putIfPresentInto(Map<String, String> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static long num(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

    static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null) {
            return null;
        }
        return new BigDecimal(v.n() != null ? v.n() : v.s());
    }

    static Map<String, AttributeValue> stringMap(Map<String, String> values) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        values.forEach((k, v) -> map.put(k, s(v)));
        return map;
    }

    static Map<String, String> stringMap(Map<String, AttributeValue> item, String name) {
        Map<String, String> map = new LinkedHashMap<>();
        AttributeValue v = item.get(name);
        if (v != null && v.hasM()) {
            v.m().forEach((k, value) -> map.put(k, value.s()));
        }
        return map;
    }

    static Map<String, AttributeValue> values(Object... pairs) {
        Map<String, AttributeValue> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
        }
        return map;
    }

    /** Whether a cancelled transaction's item at this index (in the order written) failed its condition. */
    static boolean conditionFailed(software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e,
                                   int index) {
        var reasons = e.cancellationReasons();
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** A query's last key as an opaque cursor: its string attributes, as JSON, in URL-safe base 64. */
    static String cursor(Map<String, AttributeValue> lastKey) {
        com.fasterxml.jackson.databind.node.ObjectNode strings = com.outboundcalls.json.JsonTrees.object();
        new java.util.TreeMap<>(lastKey).forEach((name, value) -> {
            if (value.s() == null) {
                throw new IllegalArgumentException("a key attribute that is not a string: " + name);
            }
            strings.put(name, value.s());
        });
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                com.outboundcalls.json.JsonTrees.write(strings).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The query's start key a {@link #cursor} stands for; anything else is refused. */
    static Map<String, AttributeValue> fromCursor(String cursor) {
        com.fasterxml.jackson.databind.JsonNode strings;
        try {
            strings = com.outboundcalls.json.JsonTrees.read(java.util.Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new IllegalArgumentException("not a cursor", e);
        }
        if (!strings.isObject()) {
            throw new IllegalArgumentException("not a cursor");
        }
        Map<String, AttributeValue> key = new HashMap<>();
        strings.fields().forEachRemaining(field -> {
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException("not a cursor");
            }
            key.put(field.getKey(), s(field.getValue().textValue()));
        });
        return key;
    }
}
