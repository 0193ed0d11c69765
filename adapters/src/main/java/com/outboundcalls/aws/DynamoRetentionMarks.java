package com.outboundcalls.aws;

import com.outboundcalls.account.CalleeDataRetention;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Where each ended campaign's retention stands, in the accounts table: {@code RETENTION#{campaignKey} / MARK}. */
public final class DynamoRetentionMarks implements CalleeDataRetention.Marks {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRetentionMarks(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<CalleeDataRetention.Mark> of(String campaignKey) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key("RETENTION#" + campaignKey, "MARK")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CalleeDataRetention.Mark(campaignKey, Instant.parse(Items.str(item, "expiresAt")),
                Boolean.TRUE.equals(item.get("contactsDone").bool()), Boolean.TRUE.equals(item.get("reportsDeleted").bool())));
    }

    @Override
    public void save(CalleeDataRetention.Mark mark) {
        Map<String, AttributeValue> item = Items.key("RETENTION#" + mark.campaignKey(), "MARK");
        item.put("expiresAt", Items.s(mark.expiresAt().toString()));
        item.put("contactsDone", AttributeValue.fromBool(mark.contactsDone()));
        item.put("reportsDeleted", AttributeValue.fromBool(mark.reportsDeleted()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }
}
