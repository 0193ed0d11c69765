package com.outboundcalls.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.json.JsonTrees;
import com.outboundcalls.phone.RejectReason;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files' summaries as they are stored and reported (a contact file's {@link IngestSummary}, a suppression file's
 * {@link OppositionImport.Summary}): each field in its record's order (a contact file's without its nulls, a
 * suppression file's with them), indented; and read back the same way. A stored summary that is not one is refused whole.
 */
final class SummaryJson {

    private static final Set<String> INGEST_FIELDS = Set.of("file", "version", "clientId", "campaignId", "status",
            "refusal", "rowsRead", "accepted", "skipped", "rejected", "rejectedByReason", "format", "delimiter",
            "encoding", "limit", "startedAt", "durationMillis", "invocations", "columnsLeftOut");
    private static final Set<String> OPPOSITION_FIELDS = Set.of("file", "clientId", "status", "refusal", "rowsRead",
            "listed", "skipped", "rejected", "rejectedByReason", "limit", "invocations");

    private SummaryJson() {
    }

    /** A contact file's summary: its fields that are not null ({@link IngestSummary} says so to any mapper too). */
    static String write(IngestSummary s) {
        ObjectNode root = JsonTrees.object();
        text(root, "file", s.file());
        text(root, "version", s.version());
        text(root, "clientId", s.clientId());
        text(root, "campaignId", s.campaignId());
        text(root, "status", s.status());
        text(root, "refusal", s.refusal());
        root.put("rowsRead", s.rowsRead());
        root.put("accepted", s.accepted());
        root.put("skipped", s.skipped());
        root.put("rejected", s.rejected());
        if (s.rejectedByReason() != null) {
            reasons(root, s.rejectedByReason());
        }
        text(root, "format", s.format());
        text(root, "delimiter", s.delimiter());
        text(root, "encoding", s.encoding());
        text(root, "limit", s.limit());
        text(root, "startedAt", s.startedAt());
        root.put("durationMillis", s.durationMillis());
        root.put("invocations", s.invocations());
        if (s.columnsLeftOut() != null) {
            s.columnsLeftOut().forEach(root.putArray("columnsLeftOut")::add);
        }
        return JsonTrees.writePrettyString(root);
    }

    private static void text(ObjectNode root, String field, String value) {
        if (value != null) {
            root.put(field, value);
        }
    }

    static IngestSummary readIngest(String json) {
        JsonNode root = root(json, INGEST_FIELDS);
        String what = "a stored summary";
        List<String> columnsLeftOut = null;
        JsonNode columns = root.get("columnsLeftOut");
        if (columns != null && !columns.isNull()) {
            if (!columns.isArray()) {
                throw new IllegalStateException("stored summary unreadable: its columnsLeftOut are not an array");
            }
            columnsLeftOut = new ArrayList<>();
            for (JsonNode column : columns) {
                if (!column.isTextual()) {
                    throw new IllegalStateException("stored summary unreadable: a column left out is not text");
                }
                columnsLeftOut.add(column.textValue());
            }
        }
        try {
            return new IngestSummary(JsonTrees.text(root, "file", what), JsonTrees.text(root, "version", what),
                    JsonTrees.text(root, "clientId", what), JsonTrees.text(root, "campaignId", what),
                    JsonTrees.text(root, "status", what), JsonTrees.text(root, "refusal", what),
                    JsonTrees.whole(root, "rowsRead", what), JsonTrees.whole(root, "accepted", what),
                    JsonTrees.whole(root, "skipped", what), JsonTrees.whole(root, "rejected", what),
                    reasons(root), JsonTrees.text(root, "format", what), JsonTrees.text(root, "delimiter", what),
                    JsonTrees.text(root, "encoding", what), JsonTrees.text(root, "limit", what),
                    JsonTrees.text(root, "startedAt", what), JsonTrees.whole(root, "durationMillis", what),
                    (int) JsonTrees.whole(root, "invocations", what), columnsLeftOut);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored summary unreadable", e);
        }
    }

    static String write(OppositionImport.Summary s) {
        ObjectNode root = JsonTrees.object();
        root.put("file", s.file());
        root.put("clientId", s.clientId());
        root.put("status", s.status());
        root.put("refusal", s.refusal());
        root.put("rowsRead", s.rowsRead());
        root.put("listed", s.listed());
        root.put("skipped", s.skipped());
        root.put("rejected", s.rejected());
        reasons(root, s.rejectedByReason());
        root.put("limit", s.limit());
        root.put("invocations", s.invocations());
        return JsonTrees.writePrettyString(root);
    }

    static OppositionImport.Summary readOpposition(String json) {
        JsonNode root = root(json, OPPOSITION_FIELDS);
        String what = "a stored summary";
        try {
            return new OppositionImport.Summary(JsonTrees.text(root, "file", what),
                    JsonTrees.text(root, "clientId", what), JsonTrees.text(root, "status", what),
                    JsonTrees.text(root, "refusal", what), JsonTrees.whole(root, "rowsRead", what),
                    JsonTrees.whole(root, "listed", what), JsonTrees.whole(root, "skipped", what),
                    JsonTrees.whole(root, "rejected", what), reasons(root), JsonTrees.text(root, "limit", what),
                    (int) JsonTrees.whole(root, "invocations", what));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unreadable stored summary", e);
        }
    }

    private static JsonNode root(String json, Set<String> fields) {
        try {
            return JsonTrees.fields(JsonTrees.read(json), fields, "a stored summary");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("stored summary unreadable", e);
        }
    }

    private static void reasons(ObjectNode root, Map<RejectReason, Long> reasons) {
        if (reasons == null) {
            root.putNull("rejectedByReason");
            return;
        }
        ObjectNode node = root.putObject("rejectedByReason");
        reasons.forEach((reason, count) -> {
            if (count == null) {
                node.putNull(reason.name());
            } else {
                node.put(reason.name(), count);
            }
        });
    }

    private static Map<RejectReason, Long> reasons(JsonNode root) {
        JsonNode node = root.get("rejectedByReason");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("a stored summary's rejectedByReason is not an object");
        }
        Map<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            reasons.put(RejectReason.valueOf(name), JsonTrees.whole(node, name, "a stored summary"));
        }
        return reasons;
    }
}
