package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Partial batch processing for SQS-triggered functions (ReportBatchItemFailures): each message is handled
 * on its own, and a message that fails is reported so that only it comes back.
 */
public final class SqsBatch {

    private final StructuredLog log;

    public SqsBatch(StructuredLog log) {
        this.log = log;
    }

    public SQSBatchResponse process(SQSEvent event, Consumer<SQSEvent.SQSMessage> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                log.warn("message_failed", "messageId", message.getMessageId(), "error", e.getClass().getSimpleName(),
                        "reason", String.valueOf(e.getMessage()));
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
