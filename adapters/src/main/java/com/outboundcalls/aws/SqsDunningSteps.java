package com.outboundcalls.aws;

import com.outboundcalls.json.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.invoice.Dunning;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.TreeSet;

/**
 * The steps of a day's dunning on its queue, one message each:
 * {@code {"dunning":{"run","index","day","phase","cursor","periods":[...]}}}. A message without a run (written
 * before steps carried one) reads as a step of no run.
 */
public final class SqsDunningSteps implements Dunning.Steps {


    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDunningSteps(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void next(Dunning.Step step) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(toJson(step)));
    }

    static String toJson(Dunning.Step step) {
        ObjectNode root = JsonTrees.object();
        ObjectNode dunning = root.putObject("dunning");
        if (step.run() != null) {
            dunning.put("run", step.run());
            dunning.put("index", step.index());
        }
        dunning.put("day", step.day().toString());
        dunning.put("phase", step.phase().name());
        if (step.cursor() != null) {
            dunning.put("cursor", step.cursor());
        }
        var periods = dunning.putArray("periods");
        new TreeSet<>(step.periods()).forEach(p -> periods.add(p.toString()));
        return JsonTrees.write(root);
    }

    /** A message's step; IllegalArgumentException when the body is not one. */
    public static Dunning.Step fromJson(String body) {
        JsonNode dunning;
        try {
            JsonNode root = JsonTrees.read(body);
            dunning = root == null ? null : root.get("dunning");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a dunning step: " + e.getOriginalMessage(), e);
        }
        if (dunning == null || !dunning.path("day").isTextual() || !dunning.path("phase").isTextual()) {
            throw new IllegalArgumentException("not a dunning step: no \"dunning\" with a day and a phase");
        }
        if (dunning.has("run") && (!dunning.get("run").isTextual() || dunning.get("run").asText().isEmpty()
                || !dunning.path("index").isInt())) {
            throw new IllegalArgumentException("not a dunning step: a run is named by text, with the step's index");
        }
        try {
            Set<YearMonth> periods = new TreeSet<>();
            dunning.path("periods").forEach(p -> periods.add(YearMonth.parse(p.asText())));
            String run = dunning.has("run") ? dunning.get("run").asText() : null;
            return new Dunning.Step(run, run == null ? 0 : dunning.get("index").asInt(),
                    LocalDate.parse(dunning.get("day").asText()),
                    Dunning.Phase.valueOf(dunning.get("phase").asText()),
                    dunning.hasNonNull("cursor") ? dunning.get("cursor").asText() : null, periods);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a dunning step: " + e.getMessage(), e);
        }
    }
}
