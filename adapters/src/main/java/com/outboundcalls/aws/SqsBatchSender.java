package com.outboundcalls.aws;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.List;

/** Sends message bodies to a queue ten to a batch; the entries SQS refuses are sent again, twice, then reported. */
final class SqsBatchSender {

    private static final int BATCH = 10;
    private static final int ATTEMPTS = 3;

    private SqsBatchSender() {
    }

    /**
     * @param what what the messages are, for the error
     * @throws IllegalStateException when some entries of a batch were still refused after the attempts (the
     *                               batches before it were sent)
     */
    static void send(SqsClient sqs, String queueUrl, List<String> bodies, String what) {
        send(sqs, queueUrl, bodies, null, what);
    }

    /**
     * To a FIFO queue: each body in the message group of the same rank in {@code groups} (null for a standard
     * queue).
     */
    static void send(SqsClient sqs, String queueUrl, List<String> bodies, List<String> groups, String what) {
        for (int from = 0; from < bodies.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(bodies.size(), from + BATCH); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - from))
                        .messageBody(bodies.get(i)).messageGroupId(groups == null ? null : groups.get(i)).build());
            }
            for (int attempt = 0; attempt < ATTEMPTS && !entries.isEmpty(); attempt++) {
                List<SendMessageBatchRequestEntry> batch = entries;
                SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(batch));
                List<String> failed = response.failed().stream().map(f -> f.id()).toList();
                entries = batch.stream().filter(e -> failed.contains(e.id())).toList();
            }
            if (!entries.isEmpty()) {
                throw new IllegalStateException(entries.size() + " " + what + " could not be sent");
            }
        }
    }
}
