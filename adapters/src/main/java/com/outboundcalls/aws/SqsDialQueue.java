package com.outboundcalls.aws;

import com.outboundcalls.dial.DialMessage;
import com.outboundcalls.dial.DialQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

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
        // Entries still refused: the contacts stay queued under their lease and the feeder queues them again when
        // it expires.
        SqsBatchSender.send(sqs, queueUrl, messages.stream().map(DialMessage::toJson).toList(), "dial messages");
    }
}
