package com.outboundcalls.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.report.DashboardRequests;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.List;

/** Dashboard requests on the dashboard requests queue: {@code {"clientId": ...}}, ten to a batch. */
public final class SqsDashboardRequests implements DashboardRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDashboardRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void request(List<String> clientIds) {
        SqsBatchSender.send(sqs, queueUrl, clientIds.stream().map(SqsDashboardRequests::toJson).toList(),
                "dashboard requests");
    }

    static String toJson(String clientId) {
        return JSON.createObjectNode().put("clientId", clientId).toString();
    }
}
