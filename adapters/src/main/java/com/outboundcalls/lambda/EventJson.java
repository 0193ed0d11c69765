package com.outboundcalls.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.outboundcalls.json.JsonTrees;

import java.io.IOException;
import java.io.InputStream;

/**
 * What the functions' own event readers share: an event read as a tree with the streaming parser alone
 * ({@link JsonTrees}: no data-binding mapper built on a cold start), its root object and its records, refused whole
 * when they are not what Lambda sends.
 */
final class EventJson {

    private EventJson() {
    }

    /** The event's root; anything but a JSON object is refused, named as {@code what} ("an S3 event"). */
    static JsonNode root(InputStream input, String what) throws IOException {
        JsonNode root = JsonTrees.read(input);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(what + " is a JSON object");
        }
        return root;
    }

    /** The event's {@code Records}: none when absent or null; anything but an array is refused. */
    static JsonNode records(JsonNode root, String what) {
        JsonNode records = root.path("Records");
        if (!records.isMissingNode() && !records.isNull() && !records.isArray()) {
            throw new IllegalArgumentException(what + "'s Records are an array");
        }
        return records;
    }

    /** A field's text as the runtime's mapping reads it: null when absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
