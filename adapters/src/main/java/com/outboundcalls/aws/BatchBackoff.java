package com.outboundcalls.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The pause before sending again what a DynamoDB batch call left unprocessed: exponential, capped, bounded. */
final class BatchBackoff {

    private static final int MAX_RETRIES = 10;

    private BatchBackoff() {
    }

    /**
     * One BatchGetItem (at most 100 keys) on one table, asked again for whatever DynamoDB leaves unprocessed,
     * each item found handed to {@code found}.
     */
    static void getAll(DynamoDbClient dynamo, String table, KeysAndAttributes keys,
                       Consumer<Map<String, AttributeValue>> found) {
        Map<String, KeysAndAttributes> request = Map.of(table, keys);
        for (int attempt = 0; !request.isEmpty(); attempt++) {
            Map<String, KeysAndAttributes> pending = request;
            BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(pending));
            response.responses().getOrDefault(table, List.of()).forEach(found);
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!request.isEmpty()) {
                pause(attempt);
            }
        }
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
