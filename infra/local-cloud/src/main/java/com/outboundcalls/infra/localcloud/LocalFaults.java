package com.outboundcalls.infra.localcloud;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults the local cloud injects into the functions' AWS calls, a share {@code rate} of them, drawn from a seeded
 * random: a call answered with its service's retryable error (throttling, 5xx) before it is done; a write done but
 * its answer lost (a 500 instead), which the SDK sends again; an SQS send accepted and dropped; and, for a tenth of
 * the rate, the function killed just before one of its writes (it fails with the writes before done), never twice
 * in a row for one function. Counts what it injected, by kind.
 */
final class LocalFaults {

    enum Kind { THROTTLED, ANSWER_LOST, SEND_DROPPED, KILLED }

    /** Thrown into a function's code to stand for its container dying between two writes. */
    static final class FunctionKilled extends RuntimeException {
        FunctionKilled(String function, String operation) {
            super("local cloud fault: " + function + " killed before " + operation);
        }
    }

    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems", "PutObject", "DeleteObject", "DeleteObjects", "SendMessage", "SendMessageBatch");

    private final double rate;
    private final Random random;
    private final Map<Kind, Long> injected = new ConcurrentHashMap<>();
    private final Set<String> justKilled = ConcurrentHashMap.newKeySet();

    LocalFaults(double rate, long seed) {
        if (rate < 0 || rate >= 0.5) {
            throw new IllegalArgumentException("a fault rate is from 0 to 0.5");
        }
        this.rate = rate;
        this.random = new Random(seed);
    }

    static boolean isWrite(String operation) {
        return WRITES.contains(operation);
    }

    private synchronized double draw() {
        return random.nextDouble();
    }

    /** Before a call is sent: maybe kill the function (before a write), or answer with a retryable error. */
    void beforeSending(String function, String service, String operation) {
        if (rate == 0 || service.equals("Connect")) {
            return; // Connect's own throttling is the Connect simulator's
        }
        double d = draw();
        if (isWrite(operation) && d < rate / 10 && justKilled.add(function)) {
            count(Kind.KILLED);
            throw new FunctionKilled(function, operation);
        }
        justKilled.remove(function);
        if (d < rate / 2) {
            count(Kind.THROTTLED);
            boolean s3 = service.equals("S3");
            throw AwsServiceException.builder().statusCode(s3 ? 503 : 400).message("local cloud fault: throttled")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(s3 ? "SlowDown" : "ThrottlingException")
                            .errorMessage("Rate exceeded (local cloud fault)").serviceName(service).build()).build();
        }
    }

    /** After a write was done: whether its answer is lost (the caller sees a 500 and its SDK sends it again). */
    boolean loseAnswer(String operation) {
        if (rate == 0 || !isWrite(operation) || operation.startsWith("SendMessage")) {
            return false;
        }
        if (draw() < rate / 4) {
            count(Kind.ANSWER_LOST);
            return true;
        }
        return false;
    }

    /** Whether an SQS send is dropped: accepted, and never delivered. */
    boolean dropSend() {
        if (rate == 0) {
            return false;
        }
        if (draw() < rate / 4) {
            count(Kind.SEND_DROPPED);
            return true;
        }
        return false;
    }

    private void count(Kind kind) {
        injected.merge(kind, 1L, Long::sum);
    }

    /** The faults injected so far, by kind. */
    Map<Kind, Long> injected() {
        return new TreeMap<>(injected);
    }
}
