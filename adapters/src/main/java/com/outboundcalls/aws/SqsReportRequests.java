package com.outboundcalls.aws;

import com.outboundcalls.json.JsonTrees;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.report.CampaignReport;
import com.outboundcalls.report.CampaignReports;
import com.outboundcalls.report.ReportRequests;
import com.outboundcalls.time.Times;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Instant;
import java.util.List;

/**
 * Report requests on the dashboard requests queue, ten to a batch: {@code {"clientId": ...}} for a dashboard,
 * {@code {"clientId": ..., "campaignId": ..., "asOf": ..., "dashboard": false}} for a campaign's report alone; and
 * the steps of campaign reports' rewrites, {@code {"reportStep": {...}}}.
 */
public final class SqsReportRequests implements ReportRequests, CampaignReports.Steps {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsReportRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void dashboards(List<String> clientIds) {
        SqsBatchSender.send(sqs, queueUrl, clientIds.stream()
                .map(id -> JsonTrees.write(JsonTrees.object().put("clientId", id))).toList(), "dashboard requests");
    }

    @Override
    public void next(CampaignReports.Step step) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(toJson(step)));
    }

    static String toJson(CampaignReports.Step step) {
        ObjectNode root = JsonTrees.object();
        ObjectNode node = root.putObject("reportStep");
        node.put("clientId", step.clientId());
        node.put("campaignId", step.campaignId());
        node.put("asOf", Times.iso(step.asOf()));
        node.put("chain", step.chain());
        node.put("index", step.index());
        if (step.cursor() != null) {
            node.put("cursor", step.cursor());
        }
        WrittenJson.put(node, step.written());
        CampaignReport.Tally tally = step.tally();
        ObjectNode t = node.putObject("tally");
        t.put("contacts", tally.contacts());
        t.put("attempts", tally.attempts());
        ObjectNode statuses = t.putObject("byStatus");
        tally.byStatus().forEach(statuses::put);
        ObjectNode last = t.putObject("lastDecisions");
        tally.lastDecisions().forEach(last::put);
        return JsonTrees.write(root);
    }

    /** The step a message's {@code reportStep} holds. */
    public static CampaignReports.Step step(JsonNode node) {
        try {
            JsonNode t = node.path("tally");
            java.util.Map<String, Long> statuses = new java.util.TreeMap<>();
            t.path("byStatus").fields().forEachRemaining(e -> statuses.put(e.getKey(), e.getValue().asLong()));
            java.util.Map<String, Long> last = new java.util.TreeMap<>();
            t.path("lastDecisions").fields().forEachRemaining(e -> last.put(e.getKey(), e.getValue().asLong()));
            String clientId = node.path("clientId").asText("");
            String campaignId = node.path("campaignId").asText("");
            String chain = node.path("chain").asText("");
            if (clientId.isBlank() || campaignId.isBlank() || chain.isBlank()) {
                throw new IllegalArgumentException("a report step names its clientId, campaignId and chain");
            }
            return new CampaignReports.Step(clientId, campaignId, Instant.parse(node.path("asOf").asText()), chain,
                    node.path("index").asInt(), node.hasNonNull("cursor") ? node.get("cursor").asText() : null,
                    WrittenJson.read(node),
                    new CampaignReport.Tally(t.path("contacts").asLong(), t.path("attempts").asLong(), statuses, last));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("a report step's asOf is an instant", e);
        }
    }

    @Override
    public void campaignReports(List<Campaign> campaigns, Instant asOf) {
        SqsBatchSender.send(sqs, queueUrl, campaigns.stream().map(c -> JsonTrees.write(JsonTrees.object()
                .put("clientId", c.clientId()).put("campaignId", c.campaignId()).put("asOf", Times.iso(asOf))
                .put("dashboard", false))).toList(), "campaign report requests");
    }
}
