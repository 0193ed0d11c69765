package com.outboundcalls.aws;

import com.outboundcalls.lambda.TakenMessages;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Taken messages as items of a table keyed by {@code pk} ({@code {prefix}{id}}), which the table's TTL deletes
 * once the queue can no longer deliver the message (kept longer than the queue keeps a message).
 */
public final class DynamoTakenMessages implements TakenMessages {

    private final DynamoDbClient dynamo;
    private final String table;
    private final String prefix;
    private final Duration kept;
    private final Clock clock;

    /**
     * @param prefix what the keys begin with (the role's leading keys)
     * @param kept   how long a note is kept: longer than the queue's retention of a message
     */
    public DynamoTakenMessages(DynamoDbClient dynamo, String table, String prefix, Duration kept, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.prefix = prefix;
        this.kept = kept;
        this.clock = clock;
    }

    @Override
    public boolean taken(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Items.key(prefix + id))).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void markTaken(String id) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(prefix + id));
        item.put("expiresAt", Items.n(clock.instant().plus(kept).getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }
}
