package com.outboundcalls.lambda;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.outboundcalls.json.JsonTrees;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static com.outboundcalls.lambda.EventJson.text;

/**
 * An S3 notification's event read as Lambda's runtime would read it into an {@code S3Event}, with the function's own
 * JSON mapping, straight into the objects it names; and a function's text answer written as the runtime writes a
 * string (a JSON string).
 */
public final class S3EventJson {

    private S3EventJson() {
    }

    /** The objects the event names, in its order; an event that is not an S3 event's JSON is refused whole. */
    public static List<S3ObjectRef> read(InputStream input) throws IOException {
        JsonNode records = EventJson.records(EventJson.root(input, "an S3 event"), "an S3 event");
        List<S3ObjectRef> objects = new ArrayList<>();
        for (JsonNode record : records) {
            objects.add(object(record));
        }
        return objects;
    }

    private static S3ObjectRef object(JsonNode record) {
        JsonNode s3 = record.path("s3");
        if (!record.isObject() || !s3.isObject() || !s3.path("bucket").isObject() || !s3.path("object").isObject()) {
            throw new IllegalArgumentException("an S3 event's record names a bucket and an object");
        }
        JsonNode object = s3.path("object");
        String key = text(object, "key");
        return S3ObjectRef.of(text(s3.path("bucket"), "name"),
                key == null ? null : URLDecoder.decode(key, StandardCharsets.UTF_8),
                text(object, "versionId"), text(object, "eTag"), size(object.get("size")));
    }

    private static Long size(JsonNode size) {
        if (size == null || size.isNull()) {
            return null;
        }
        if (size.isIntegralNumber() && size.canConvertToLong()) {
            return size.longValue();
        }
        if (size.isTextual()) {
            return Long.parseLong(size.textValue().trim());
        }
        throw new IllegalArgumentException("an S3 object's size is a whole number");
    }

    /** The function's answer, as the runtime writes a string result. */
    public static void write(String answer, OutputStream output) throws IOException {
        try (JsonGenerator json = JsonTrees.factory().createGenerator(output)) {
            if (answer == null) {
                json.writeNull();
            } else {
                json.writeString(answer);
            }
        }
    }
}
