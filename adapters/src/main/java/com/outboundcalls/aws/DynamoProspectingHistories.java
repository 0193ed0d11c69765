package com.outboundcalls.aws;

import com.outboundcalls.dial.ProspectingLimit;
import com.outboundcalls.time.Times;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prospecting histories in the calls table, one item per client and number ({@code PROSPECT#client#e164}):
 * the calls placed and the refusal, if any; the item expires 61 days after its last change (TTL), when the
 * rule can no longer need it.
 */
public final class DynamoProspectingHistories implements ProspectingLimit.Histories {

    private static final Duration KEEP = Duration.ofDays(61);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoProspectingHistories(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String clientId, String e164) {
        return Items.key("PROSPECT#" + clientId + "#" + e164);
    }

    @Override
    public ProspectingLimit.History of(String clientId, String e164) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(clientId, e164))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return ProspectingLimit.History.none();
        }
        List<Instant> calls = new ArrayList<>();
        if (item.containsKey("calls") && item.get("calls").hasL()) {
            item.get("calls").l().forEach(v -> calls.add(Times.parse(v.s())));
        }
        String refused = Items.str(item, "refusedAt");
        return new ProspectingLimit.History(calls, refused == null ? null : Times.parse(refused));
    }

    @Override
    public void recordCall(String clientId, String e164, Instant at) {
        dynamo.updateItem(r -> r.tableName(table).key(key(clientId, e164))
                .updateExpression("SET calls = list_append(if_not_exists(calls, :none), :call), expiresAt = :exp")
                .expressionAttributeValues(Items.values(":none", AttributeValue.fromL(List.of()),
                        ":call", AttributeValue.fromL(List.of(Items.s(Times.iso(at)))),
                        ":exp", Items.n(at.plus(KEEP).getEpochSecond()))));
    }

    @Override
    public void forget(String clientId, String e164) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(clientId, e164)));
    }

    @Override
    public void recordRefusal(String clientId, String e164, Instant at) {
        dynamo.updateItem(r -> r.tableName(table).key(key(clientId, e164))
                .updateExpression("SET refusedAt = :at, expiresAt = :exp")
                .expressionAttributeValues(Items.values(":at", Items.s(Times.iso(at)),
                        ":exp", Items.n(at.plus(KEEP).getEpochSecond()))));
    }
}
