package com.outboundcalls.aws;

import com.outboundcalls.dial.DialMessage;
import com.outboundcalls.dial.DialQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.List;

/** The dial queue, fed in batches of 10; entries SQS refuses are sent again, then reported. */
public final class SqsDialQueue implements DialQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDialQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<DialMessage> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<DialMessage> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(chunk.get(i).toJson()).build());
            }
            for (int attempt = 0; attempt < 3 && !entries.isEmpty(); attempt++) {
                List<SendMessageBatchRequestEntry> batch = entries;
                SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(batch));
                List<String> failed = response.failed().stream().map(f -> f.id()).toList();
                entries = batch.stream().filter(e -> failed.contains(e.id())).toList();
            }
            if (!entries.isEmpty()) {
                // The contacts stay queued under their lease and the feeder queues them again when it expires.
                throw new IllegalStateException(entries.size() + " dial messages could not be sent");
            }
        }
    }
}
