package com.outboundcalls.aws;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.report.ReportRequests;
import com.outboundcalls.time.Times;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Instant;
import java.util.List;

/**
 * Report requests on the dashboard requests queue, ten to a batch: {@code {"clientId": ...}} for a dashboard,
 * {@code {"clientId": ..., "campaignId": ..., "asOf": ..., "dashboard": false}} for a campaign's report alone.
 */
public final class SqsReportRequests implements ReportRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsReportRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void dashboards(List<String> clientIds) {
        SqsBatchSender.send(sqs, queueUrl, clientIds.stream()
                .map(id -> JSON.createObjectNode().put("clientId", id).toString()).toList(), "dashboard requests");
    }

    @Override
    public void campaignReports(List<Campaign> campaigns, Instant asOf) {
        SqsBatchSender.send(sqs, queueUrl, campaigns.stream().map(c -> JSON.createObjectNode()
                .put("clientId", c.clientId()).put("campaignId", c.campaignId()).put("asOf", Times.iso(asOf))
                .put("dashboard", false).toString()).toList(), "campaign report requests");
    }
}
