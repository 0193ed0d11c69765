package com.outboundcalls.aws;

import com.outboundcalls.ingest.FileLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;

/** Ingested file versions, in the contacts table under {@code FILE#bucket/key#version / LEDGER}. */
public final class DynamoFileLedger implements FileLedger {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFileLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<String> completedSummary(String fileId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key("FILE#" + fileId, "LEDGER")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Items.str(item, "summary"));
    }

    @Override
    public void markCompleted(String fileId, String summaryJson) {
        Map<String, AttributeValue> item = Items.key("FILE#" + fileId, "LEDGER");
        item.put("summary", Items.s(summaryJson));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }
}
