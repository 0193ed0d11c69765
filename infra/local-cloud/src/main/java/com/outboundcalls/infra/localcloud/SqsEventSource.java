package com.outboundcalls.infra.localcloud;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An SQS event source mapping, as Lambda's poller runs it: receive a batch, invoke the function with the
 * SQS event JSON, delete what succeeded; with ReportBatchItemFailures only the reported messages stay.
 * A message that stays becomes visible again once the queue's visibility timeout has passed on the local
 * clock, and ElasticMQ moves it to the dead-letter queue past the redrive policy's maxReceiveCount.
 */
final class SqsEventSource {

    /** Real-time visibility while the local clock decides when a failed message comes back. */
    private static final int HOLD_SECONDS = 43_200;

    private record Held(String receiptHandle, Instant visibleAt) {
    }

    private final String name;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final int batchSize;
    private final boolean reportBatchItemFailures;
    private final Duration visibilityTimeout;
    private final LocalFunction function;
    private final LocalClock clock;
    private final int concurrency;
    private final List<Held> held = new ArrayList<>();
    /**
     * Whether something may have arrived since the queue was last seen empty: each mark counts, and a receive that
     * found the queue short records the count it started from, so a send during that receive is not forgotten.
     */
    private final java.util.concurrent.atomic.AtomicLong marks = new java.util.concurrent.atomic.AtomicLong();
    private long seenEmptyAtMark = -1;

    SqsEventSource(String name, SqsClient sqs, String queueUrl, String queueArn, String region, int batchSize,
                   boolean reportBatchItemFailures, Duration visibilityTimeout, LocalFunction function,
                   LocalClock clock, int concurrency) {
        this.name = name;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.batchSize = Math.min(10, batchSize);
        this.reportBatchItemFailures = reportBatchItemFailures;
        this.visibilityTimeout = visibilityTimeout;
        this.function = function;
        this.clock = clock;
        this.concurrency = Math.max(1, concurrency);
    }

    /** How many batches of this source may be in flight at once: its pollers, as its mapping scales them. */
    int concurrency() {
        return concurrency;
    }

    /** The pollers Lambda starts an SQS event source mapping with. */
    static final int LAMBDA_INITIAL_POLLERS = 5;

    /**
     * How many batches of an SQS event source run at once, as Lambda runs them: its scaling config's maximum, within
     * the function's reserved concurrency, and otherwise the five pollers Lambda starts a mapping with.
     */
    static int pollers(Map<String, Object> function, Map<String, Object> eventProperties) {
        int pollers = LAMBDA_INITIAL_POLLERS;
        Object scaling = eventProperties.get("ScalingConfig");
        if (scaling instanceof Map<?, ?> config && config.get("MaximumConcurrency") instanceof Number max) {
            pollers = Math.min(pollers, max.intValue());
        }
        if (function.get("ReservedConcurrentExecutions") instanceof Number reserved) {
            pollers = Math.min(pollers, reserved.intValue());
        }
        return Math.max(1, pollers);
    }

    String name() {
        return name;
    }

    LocalFunction function() {
        return function;
    }

    String queueUrl() {
        return queueUrl;
    }

    /** Something ran that may have sent to this queue. */
    void markMayHaveMessages() {
        marks.incrementAndGet();
    }

    /** Whether a receive may find something (on the wall clock, always: nothing there tells of every send). */
    synchronized boolean mayHaveMessages() {
        return !clock.isSimulated() || marks.get() != seenEmptyAtMark;
    }

    private synchronized void seenEmpty(long mark) {
        seenEmptyAtMark = Math.max(seenEmptyAtMark, mark);
    }

    /** Makes failed messages visible again once their visibility timeout has passed. */
    synchronized boolean releaseDue() {
        boolean released = false;
        for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (!h.visibleAt().isAfter(clock.instant())) {
                try {
                    sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(h.receiptHandle())
                            .visibilityTimeout(0));
                } catch (RuntimeException e) {
                    // the message is gone (deleted or redriven): nothing to release
                }
                it.remove();
                released = true;
            }
        }
        return released;
    }

    synchronized Instant nextRelease() {
        return held.stream().map(Held::visibleAt).min(Instant::compareTo).orElse(null);
    }

    /**
     * Receives what this source's pollers would take now: batch after batch while each comes back full, up to one
     * per poller; empty when the queue had nothing visible.
     */
    List<List<Message>> receive() {
        List<List<Message>> batches = new ArrayList<>();
        while (batches.size() < concurrency && mayHaveMessages()) {
            long mark = marks.get();
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batchSize)
                    .waitTimeSeconds(0).visibilityTimeout(clock.isSimulated() ? HOLD_SECONDS
                            : (int) visibilityTimeout.toSeconds())
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            if (!messages.isEmpty()) {
                batches.add(messages);
            }
            if (messages.size() < batchSize) {
                // The stand-in returns every visible message up to the maximum: fewer means none is left.
                seenEmpty(mark);
                break;
            }
        }
        return batches;
    }

    /**
     * Invokes the function with a batch received, then deletes what succeeded; a message that failed (all of them
     * when the invocation failed) comes back once its visibility timeout has passed.
     */
    void invoke(List<Message> messages) {
        Set<String> failed = new HashSet<>();
        try {
            Object response = function.invoke(eventJson(messages));
            if (reportBatchItemFailures && response instanceof SQSBatchResponse batch
                    && batch.getBatchItemFailures() != null) {
                batch.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            }
        } catch (RuntimeException e) {
            System.err.println("[local-cloud] " + function.logicalId() + " failed on a batch from " + name + ": " + e);
            messages.forEach(m -> failed.add(m.messageId()));
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message m : messages) {
            if (failed.contains(m.messageId())) {
                if (clock.isSimulated()) {
                    synchronized (this) {
                        held.add(new Held(m.receiptHandle(), clock.instant().plus(visibilityTimeout)));
                    }
                }
            } else {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(m.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
    }

    private String eventJson(List<Message> messages) {
        return LambdaEvents.sqs(queueArn, region, messages.stream().map(m -> {
            java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
            m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
            return new LambdaEvents.SqsRecord(m.messageId(), m.receiptHandle(), m.body(), attributes);
        }).toList());
    }
}
