package com.outboundcalls.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.files.FileInParts;

import java.util.ArrayList;
import java.util.List;

/** Where a file written in steps stands, in a step's message: {@code uploadId}, {@code tags}, {@code tail}. */
final class WrittenJson {

    private WrittenJson() {
    }

    static void put(ObjectNode node, FileInParts.Written written) {
        if (written.uploadId() != null) {
            node.put("uploadId", written.uploadId());
        }
        ArrayNode tags = node.putArray("tags");
        written.tags().forEach(tags::add);
        if (written.tailKey() != null) {
            node.put("tail", written.tailKey());
        }
    }

    static FileInParts.Written read(JsonNode node) {
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(tag -> tags.add(tag.asText()));
        return new FileInParts.Written(node.hasNonNull("uploadId") ? node.get("uploadId").asText() : null, tags,
                node.hasNonNull("tail") ? node.get("tail").asText() : null);
    }
}
