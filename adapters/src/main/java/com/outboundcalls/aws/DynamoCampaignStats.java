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
public final class DynamoCampaignStats implements CampaignCounters.Source, com.outboundcalls.dial.PacingHistory {

    /** An hour's counters ({@code campaignKey#H#yyyyMMddHH}, UTC) expire two days after the hour. */
    private static final java.time.format.DateTimeFormatter HOUR =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(java.time.ZoneOffset.UTC);

    static String hourKey(String campaignKey, java.time.Instant at) {
        return campaignKey + "#H#" + hour(at);
    }

    /** The hour of an instant as the hours' keys name it ({@code yyyyMMddHH}, UTC). */
    static String hour(java.time.Instant at) {
        return HOUR.format(at);
    }

    /**
     * The transaction item that adds a call's pacing counters to the hour it ended in, or none when it has none
     * (an agentless call).
     */
    static Optional<TransactWriteItem> addToHour(String table, String campaignKey, com.outboundcalls.contact.CallTally tally) {
        Map<String, Long> pacing = new LinkedHashMap<>();
        com.outboundcalls.contact.CallTally.PACING.forEach(name -> {
            Long v = tally.counts().get(name);
            if (v != null) {
                pacing.put(name, v);
            }
        });
        if (pacing.isEmpty() || tally.endedAt() == null) {
            return Optional.empty();
        }
        TransactWriteItem add = add(table, hourKey(campaignKey, tally.endedAt()), pacing);
        long expires = tally.endedAt().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .plus(java.time.Duration.ofDays(2)).getEpochSecond();
        Map<String, AttributeValue> values = new HashMap<>(add.update().expressionAttributeValues());
        values.put(":expires", AttributeValue.fromN(Long.toString(expires)));
        return Optional.of(TransactWriteItem.builder().update(add.update().toBuilder()
                .updateExpression("SET expiresAt = :expires " + add.update().updateExpression())
                .expressionAttributeValues(values).build()).build());
    }

    /** The 24 hours before {@code now}: the 24 whole hours before the current one, and the current one so far. */
    @Override
    public com.outboundcalls.dial.PacingStats last24Hours(String campaignKey, java.time.Instant now) {
        java.util.List<Map<String, AttributeValue>> keys = new java.util.ArrayList<>();
        for (int h = 0; h <= 24; h++) {
            keys.add(Items.key(hourKey(campaignKey, now.minus(java.time.Duration.ofHours(h)))));
        }
        Map<String, Long> sum = new HashMap<>();
        Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> request = Map.of(table,
                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(keys).build());
        while (request != null && !request.isEmpty()) {
            var asked = request;
            var response = dynamo.batchGetItem(r -> r.requestItems(asked));
            response.responses().getOrDefault(table, java.util.List.of()).forEach(item ->
                    com.outboundcalls.contact.CallTally.PACING.forEach(name -> {
                        AttributeValue v = item.get(name);
                        if (v != null && v.n() != null) {
                            sum.merge(name, Long.parseLong(v.n()), Long::sum);
                        }
                    }));
            request = response.unprocessedKeys();
        }
        return com.outboundcalls.dial.PacingStats.of(sum);
    }


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
