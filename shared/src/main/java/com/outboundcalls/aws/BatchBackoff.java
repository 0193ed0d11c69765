package com.outboundcalls.aws;

/** The pause before sending again what a DynamoDB batch call left unprocessed: exponential, capped, bounded. */
final class BatchBackoff {

    private static final int MAX_RETRIES = 10;

    private BatchBackoff() {
    }

    static void pause(int attempt) {
        if (attempt >= MAX_RETRIES) {
            throw new IllegalStateException("DynamoDB left items unprocessed after " + attempt + " retries");
        }
        try {
            Thread.sleep(Math.min(2_000L, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
