package com.outboundcalls.aws;

import com.outboundcalls.report.CampaignCounters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign's running counters, one item per campaign in the campaign-stats table ({@code pk} = the campaign
 * key). They are added to in the same transaction as the change they count (a contact's status, a rated
 * call, a finished file), so each change counts once however often its trigger is delivered; reading them
 * costs one GetItem per campaign, however many calls it made.
 */
public final class DynamoCampaignStats implements CampaignCounters.Source {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCampaignStats(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The transaction item that adds these amounts to the campaign's counters (created on first use). */
    static TransactWriteItem add(String table, String campaignKey, Map<String, ? extends Number> amounts) {
        StringBuilder update = new StringBuilder("ADD ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, ? extends Number> e : amounts.entrySet()) {
            if (i > 0) {
                update.append(", ");
            }
            update.append("#c").append(i).append(" :v").append(i);
            names.put("#c" + i, e.getKey());
            values.put(":v" + i, AttributeValue.fromN(e.getValue() instanceof BigDecimal d ? d.toPlainString()
                    : String.valueOf(e.getValue())));
            i++;
        }
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(Items.key(campaignKey))
                .updateExpression(update.toString()).expressionAttributeNames(names)
                .expressionAttributeValues(values)).build();
    }

    @Override
    public Optional<CampaignCounters> counters(String campaignKey) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Items.key(campaignKey))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (value.n() != null) {
                values.put(name, new BigDecimal(value.n()));
            }
        });
        return Optional.of(new CampaignCounters(values));
    }
}
