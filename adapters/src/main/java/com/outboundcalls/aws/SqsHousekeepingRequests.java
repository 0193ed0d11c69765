package com.outboundcalls.aws;

import com.outboundcalls.json.JsonTrees;
import com.outboundcalls.account.NightlyHousekeeping;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.LocalDate;
import java.util.List;

/**
 * Housekeeping requests on the housekeeping queue (FIFO), ten to a batch: {@code {"clientId": ..., "night": ...}} in
 * the client's message group, so that a client's requests run one at a time, and the same night's request sent again
 * is the same body, which the queue drops as a duplicate.
 */
public final class SqsHousekeepingRequests implements NightlyHousekeeping.Requests {


    private final SqsClient sqs;
    private final String queueUrl;

    public SqsHousekeepingRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void clients(List<String> clientIds, LocalDate night) {
        SqsBatchSender.send(sqs, queueUrl, clientIds.stream().map(id -> JsonTrees.write(JsonTrees.object().put("clientId", id)
                .put("night", night.toString()))).toList(), clientIds, "housekeeping requests");
    }
}
