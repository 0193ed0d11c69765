package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.json.JsonTrees;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * A scheduled function's input (the JSON object its schedule, or an operator, hands it) read as Lambda's runtime reads
 * it into a {@code Map<String, Object>}, and its answer written as the runtime writes it, with the function's own JSON
 * mapping.
 */
public final class ScheduledJson {

    private ScheduledJson() {
    }

    /** The input; JSON null is no input, anything but an object is refused whole. */
    public static Map<String, Object> read(InputStream input) throws IOException {
        JsonNode root = JsonTrees.read(input);
        if (root == null || root.isNull() || root.isMissingNode()) {
            return null;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("a scheduled function's input is a JSON object");
        }
        return JsonTrees.toMap((ObjectNode) root);
    }

    /** The answer: a line of text as a JSON string, a partial batch response as an event source reads it. */
    public static void write(Object answer, OutputStream output) throws IOException {
        if (answer instanceof SQSBatchResponse response) {
            SqsEventJson.write(response, output);
        } else {
            try (JsonGenerator json = JsonTrees.factory().createGenerator(output)) {
                if (answer == null) {
                    json.writeNull();
                } else if (answer instanceof String text) {
                    json.writeString(text);
                } else {
                    throw new IllegalArgumentException("a scheduled function answers a line of text or a partial "
                            + "batch response, not a " + answer.getClass().getSimpleName());
                }
            }
        }
    }
}
