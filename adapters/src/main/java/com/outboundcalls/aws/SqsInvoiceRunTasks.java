package com.outboundcalls.aws;

import com.outboundcalls.json.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.invoice.FinanceExports;
import com.outboundcalls.invoice.InvoiceRunTasks;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Instant;
import java.util.List;

/**
 * The invoice run's tasks on its queue, one message each: {@code {"plan":{"scheduledTime","page","cursor"}}} or
 * {@code {"invoice":{"scheduledTime","clientId"}}}, sent ten to a batch; and the steps of the month's files'
 * rewrites, {@code {"export":{...}}} ({@link FinanceExports.Step}).
 */
public final class SqsInvoiceRunTasks implements InvoiceRunTasks, FinanceExports.Steps {


    private final SqsClient sqs;
    private final String queueUrl;

    public SqsInvoiceRunTasks(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void plan(PlanPage task) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(toJson(task)));
    }

    @Override
    public void invoice(List<InvoiceAccount> tasks) {
        // Entries still refused: the page's task fails and is delivered again; it queues its accounts again, each
        // counted once.
        SqsBatchSender.send(sqs, queueUrl, tasks.stream().map(SqsInvoiceRunTasks::toJson).toList(),
                "invoice run messages");
    }

    @Override
    public void next(FinanceExports.Step step) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(toJson(step)));
    }

    static String toJson(FinanceExports.Step step) {
        ObjectNode root = JsonTrees.object();
        ObjectNode export = root.putObject("export");
        export.put("file", step.file().name());
        export.put("month", step.month().toString());
        if (step.asOf() != null) {
            export.put("asOf", step.asOf().toString());
        }
        export.put("chain", step.chain());
        export.put("index", step.index());
        if (step.cursor() != null) {
            export.put("cursor", step.cursor());
        }
        WrittenJson.put(export, step.written());
        export.put("entries", step.entries());
        ObjectNode reverseCharge = export.putObject("reverseCharge");
        step.reverseCharge().forEach((taker, amount) -> reverseCharge.put(taker, amount.toPlainString()));
        return JsonTrees.write(root);
    }

    private static FinanceExports.Step step(JsonNode export) {
        try {
            java.util.Map<String, java.math.BigDecimal> reverseCharge = new java.util.TreeMap<>();
            export.path("reverseCharge").fields().forEachRemaining(e -> reverseCharge.put(e.getKey(),
                    new java.math.BigDecimal(e.getValue().asText())));
            return new FinanceExports.Step(FinanceExports.File.valueOf(export.path("file").asText()),
                    java.time.YearMonth.parse(export.path("month").asText()),
                    export.hasNonNull("asOf") ? java.time.LocalDate.parse(export.get("asOf").asText()) : null,
                    export.path("chain").asText(), export.path("index").asInt(),
                    export.hasNonNull("cursor") ? export.get("cursor").asText() : null,
                    WrittenJson.read(export),
                    export.path("entries").asInt(), reverseCharge);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a step of a month's file: " + e.getMessage(), e);
        }
    }

    static String toJson(PlanPage task) {
        ObjectNode root = JsonTrees.object();
        ObjectNode plan = root.putObject("plan");
        plan.put("scheduledTime", task.scheduledTime().toString());
        plan.put("page", task.page());
        if (task.cursor() != null) {
            plan.put("cursor", task.cursor());
        }
        return JsonTrees.write(root);
    }

    static String toJson(InvoiceAccount task) {
        ObjectNode root = JsonTrees.object();
        ObjectNode invoice = root.putObject("invoice");
        invoice.put("scheduledTime", task.scheduledTime().toString());
        invoice.put("clientId", task.clientId());
        return JsonTrees.write(root);
    }

    /** A message's task: a {@link PlanPage}, an {@link InvoiceAccount} or a {@link FinanceExports.Step}. */
    public static Object fromJson(String body) {
        JsonNode root;
        try {
            root = JsonTrees.read(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an invoice run message: " + e.getOriginalMessage(), e);
        }
        if (root != null && root.path("plan").isObject()) {
            JsonNode plan = root.get("plan");
            JsonNode cursor = plan.get("cursor");
            return new PlanPage(instant(plan), plan.path("page").asInt(),
                    cursor == null || cursor.isNull() ? null : cursor.asText());
        }
        if (root != null && root.path("invoice").path("clientId").isTextual()) {
            JsonNode invoice = root.get("invoice");
            return new InvoiceAccount(instant(invoice), invoice.get("clientId").asText());
        }
        if (root != null && root.path("export").path("chain").isTextual()) {
            return step(root.get("export"));
        }
        throw new IllegalArgumentException("not an invoice run message: neither \"plan\", \"invoice\" nor \"export\"");
    }

    private static Instant instant(JsonNode task) {
        try {
            return Instant.parse(task.path("scheduledTime").asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("an invoice run message without a valid scheduledTime", e);
        }
    }
}
