package com.outboundcalls.aws;

import com.outboundcalls.ingest.FileLedger;
import com.outboundcalls.ingest.IngestCheckpoint;
import com.outboundcalls.phone.RejectReason;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Ingested file versions, in the contacts table under {@code FILE#bucket/key#version}: the summary once
 * done ({@code LEDGER}), the last handover checkpoint while a long file is under way ({@code CHECKPOINT}).
 */
public final class DynamoFileLedger implements FileLedger {

    private final DynamoDbClient dynamo;
    private final String table;
    private final String statsTable;

    public DynamoFileLedger(DynamoDbClient dynamo, String table) {
        this(dynamo, table, null);
    }

    /** @param statsTable the campaign-stats table, whose contact counter a file's completion adds to */
    public DynamoFileLedger(DynamoDbClient dynamo, String table, String statsTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.statsTable = statsTable;
    }

    /**
     * Marks the file done and adds its accepted contacts to the campaign's counter, once: a completion already
     * recorded changes nothing.
     */
    @Override
    public void markCompleted(String fileId, String summaryJson, String campaignKey, long accepted) {
        if (statsTable == null || accepted == 0) {
            markCompleted(fileId, summaryJson);
            return;
        }
        Map<String, AttributeValue> item = Items.key("FILE#" + fileId, "LEDGER");
        item.put("summary", Items.s(summaryJson));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p
                            .tableName(table).item(item).conditionExpression("attribute_not_exists(summary)")).build(),
                    DynamoCampaignStats.add(statsTable, campaignKey,
                            com.outboundcalls.report.CampaignCounters.contactsStored(accepted))));
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            if (!Items.conditionFailed(e, 0)) {
                throw e;
            }
        }
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

    @Override
    public Optional<IngestCheckpoint> checkpoint(String fileId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key("FILE#" + fileId, "CHECKPOINT")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
        Items.stringMap(item, "rejectedByReason").forEach((reason, count) ->
                byReason.put(RejectReason.valueOf(reason), Long.parseLong(count)));
        return Optional.of(new IngestCheckpoint((int) Items.num(item, "leg", 0), Items.num(item, "lastRow", 0),
                Items.num(item, "rowsRead", 0), Items.num(item, "accepted", 0), Items.num(item, "skipped", 0),
                byReason, Items.str(item, "startedAt"), (int) Items.num(item, "rejectParts", 0),
                item.containsKey("handedOver") && Boolean.TRUE.equals(item.get("handedOver").bool())));
    }

    @Override
    public void markHandedOver(String fileId, int leg) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Items.key("FILE#" + fileId, "CHECKPOINT"))
                    .updateExpression("SET handedOver = :t").conditionExpression("leg = :leg")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":leg", Items.n(leg))));
        } catch (ConditionalCheckFailedException e) {
            // a later leg's checkpoint is there already: it was handed over
        }
    }

    @Override
    public boolean saveCheckpoint(String fileId, IngestCheckpoint checkpoint) {
        Map<String, AttributeValue> item = Items.key("FILE#" + fileId, "CHECKPOINT");
        item.put("leg", Items.n(checkpoint.leg()));
        item.put("lastRow", Items.n(checkpoint.lastRow()));
        item.put("rowsRead", Items.n(checkpoint.rowsRead()));
        item.put("accepted", Items.n(checkpoint.accepted()));
        item.put("skipped", Items.n(checkpoint.skipped()));
        Map<String, String> byReason = new HashMap<>();
        checkpoint.rejectedByReason().forEach((reason, count) -> byReason.put(reason.name(), Long.toString(count)));
        item.put("rejectedByReason", AttributeValue.fromM(Items.stringMap(byReason)));
        item.put("startedAt", Items.s(checkpoint.startedAt()));
        item.put("rejectParts", Items.n(checkpoint.rejectParts()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression(checkpoint.leg() == 1 ? "attribute_not_exists(pk)" : "leg = :previous")
                    .expressionAttributeValues(checkpoint.leg() == 1 ? null
                            : Map.of(":previous", Items.n(checkpoint.leg() - 1))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
