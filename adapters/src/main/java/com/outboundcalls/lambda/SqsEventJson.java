package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.outboundcalls.json.JsonTrees;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.outboundcalls.lambda.EventJson.text;

/**
 * An SQS event source's event read, and a partial batch response written, as Lambda's runtime would, with the
 * function's own JSON mapping: every field of each record as SQS sends it ({@code eventSourceARN} included), and
 * {@code {"batchItemFailures":[{"itemIdentifier":...}]}} back.
 */
public final class SqsEventJson {

    private SqsEventJson() {
    }

    /** The event; an event that is not an SQS event's JSON is refused whole, as the runtime refuses it. */
    public static SQSEvent read(InputStream input) throws IOException {
        JsonNode records = EventJson.records(EventJson.root(input, "an SQS event"), "an SQS event");
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (JsonNode record : records) {
            messages.add(message(record));
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    private static SQSEvent.SQSMessage message(JsonNode record) {
        if (!record.isObject()) {
            throw new IllegalArgumentException("an SQS event's record is a JSON object");
        }
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(text(record, "messageId"));
        message.setReceiptHandle(text(record, "receiptHandle"));
        message.setBody(text(record, "body"));
        message.setMd5OfBody(text(record, "md5OfBody"));
        message.setMd5OfMessageAttributes(text(record, "md5OfMessageAttributes"));
        message.setEventSource(text(record, "eventSource"));
        message.setEventSourceArn(text(record, "eventSourceARN"));
        message.setAwsRegion(text(record, "awsRegion"));
        Map<String, String> attributes = new LinkedHashMap<>();
        fields(record, "attributes").forEachRemaining(a -> attributes.put(a.getKey(), a.getValue().asText()));
        message.setAttributes(attributes);
        Map<String, SQSEvent.MessageAttribute> messageAttributes = new LinkedHashMap<>();
        fields(record, "messageAttributes").forEachRemaining(a -> messageAttributes.put(a.getKey(),
                messageAttribute(a.getValue())));
        message.setMessageAttributes(messageAttributes);
        return message;
    }

    /**
     * The fields of a record's object, none when it has no such object (a record without message attributes): asked
     * of a missing node, Jackson would initialize its reflection helpers on a function's first such record.
     */
    private static java.util.Iterator<Map.Entry<String, JsonNode>> fields(JsonNode record, String name) {
        JsonNode node = record.path(name);
        return node.isObject() ? node.fields() : java.util.Collections.emptyIterator();
    }

    private static SQSEvent.MessageAttribute messageAttribute(JsonNode node) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(text(node, "dataType"));
        attribute.setStringValue(text(node, "stringValue"));
        String binary = text(node, "binaryValue");
        if (binary != null) {
            attribute.setBinaryValue(ByteBuffer.wrap(Base64.getDecoder().decode(binary)));
        }
        List<String> strings = new ArrayList<>();
        node.path("stringListValues").forEach(v -> strings.add(v.asText()));
        attribute.setStringListValues(strings);
        List<ByteBuffer> binaries = new ArrayList<>();
        node.path("binaryListValues").forEach(v -> binaries.add(ByteBuffer.wrap(Base64.getDecoder().decode(v.asText()))));
        attribute.setBinaryListValues(binaries);
        return attribute;
    }

    /** The response, as the event source reads it: the messages that failed, by id. */
    public static void write(SQSBatchResponse response, OutputStream output) throws IOException {
        try (JsonGenerator json = JsonTrees.factory().createGenerator(output)) {
            json.writeStartObject();
            json.writeArrayFieldStart("batchItemFailures");
            if (response != null && response.getBatchItemFailures() != null) {
                for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                    json.writeStartObject();
                    json.writeStringField("itemIdentifier", failure.getItemIdentifier());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
