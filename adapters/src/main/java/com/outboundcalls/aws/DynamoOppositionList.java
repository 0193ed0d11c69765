package com.outboundcalls.aws;

import com.outboundcalls.contact.OppositionList;
import com.outboundcalls.time.Times;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The opposition list table: partition = {@code CLIENT#id} (or {@code CLIENT#*} for every client),
 * sort = the E.164 number. One BatchGetItem answers for up to 50 numbers (both scopes).
 */
public final class DynamoOppositionList implements OppositionList {

    private static final int KEYS_PER_GET = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOppositionList(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static String scope(String clientId) {
        return "CLIENT#" + clientId;
    }

    @Override
    public Set<String> opposed(String clientId, Collection<String> e164s) {
        Set<String> opposed = new HashSet<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String e164 : new LinkedHashSet<>(e164s)) {
            keys.add(Items.key(scope(clientId), e164));
            keys.add(Items.key(scope(EVERY_CLIENT), e164));
        }
        for (int from = 0; from < keys.size(); from += KEYS_PER_GET) {
            List<Map<String, AttributeValue>> slice = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_GET));
            BatchBackoff.getAll(dynamo, table, KeysAndAttributes.builder().keys(slice).projectionExpression("sk").build(),
                    item -> opposed.add(Items.str(item, "sk")));
        }
        return opposed;
    }

    /** How many numbers are on this client's own list (for reports). */
    public long count(String clientId) {
        long count = 0;
        for (var page : dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                .select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT)
                .expressionAttributeValues(Map.of(":pk", Items.s(scope(clientId)))))) {
            count += page.count();
        }
        return count;
    }

    @Override
    public void addAll(List<Opposition> oppositions) {
        for (Opposition o : oppositions) {
            Map<String, AttributeValue> item = Items.key(scope(o.clientId()), o.e164());
            item.put("source", Items.s(o.source()));
            item.put("since", Items.s(Times.iso(o.since())));
            try {
                dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } catch (ConditionalCheckFailedException alreadyListed) {
                // the first entry, with its source and date, is the one kept
            }
        }
    }

}
