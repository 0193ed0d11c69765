package com.outboundcalls.aws;

import com.outboundcalls.rate.RatedCall;
import com.outboundcalls.rate.RatedCallStore;
import com.outboundcalls.time.Times;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.YearMonth;
import java.util.Map;
import java.util.function.Consumer;

import static com.outboundcalls.aws.Items.n;
import static com.outboundcalls.aws.Items.s;
import static com.outboundcalls.aws.Items.str;

/**
 * Rated calls: partition {@code clientId#YYYY-MM} (the invoice's query), sort = Connect ContactId (the
 * idempotency key), with the ByConnectContactId index for disputes. Expires after ten full years.
 */
public final class DynamoRatedCallStore implements RatedCallStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final String statsTable;
    private final java.time.Clock clock;

    /**
     * A store that reads rated calls, or writes them without campaign counters and unstamped (bulk loads, tools):
     * such a call counts as recorded before any invoice's cutoff.
     */
    public DynamoRatedCallStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, null, null);
    }

    /** @param statsTable the campaign-stats table, whose call counters each saved or re-rated call updates */
    public DynamoRatedCallStore(DynamoDbClient dynamo, String table, String statsTable) {
        this(dynamo, table, statsTable, null);
    }

    /** @param clock stamps each recorded rating ({@link RatedCall#recordedAt()}); null leaves them unstamped */
    public DynamoRatedCallStore(DynamoDbClient dynamo, String table, String statsTable, java.time.Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.statsTable = statsTable;
        this.clock = clock;
    }

    /** Runs the write alone, or with the campaign's counters in one transaction; false if its condition failed. */
    private boolean withCounters(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem write,
                                 RatedCall c, Map<String, Number> counters) {
        try {
            if (statsTable == null) {
                if (write.put() != null) {
                    dynamo.putItem(r -> r.tableName(table).item(write.put().item())
                            .conditionExpression(write.put().conditionExpression()));
                } else {
                    var u = write.update();
                    dynamo.updateItem(r -> r.tableName(table).key(u.key()).updateExpression(u.updateExpression())
                            .conditionExpression(u.conditionExpression())
                            .expressionAttributeValues(u.expressionAttributeValues()));
                }
                return true;
            }
            dynamo.transactWriteItems(r -> r.transactItems(write,
                    DynamoCampaignStats.add(statsTable, c.clientId() + "#" + c.campaignId(), counters)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    static String billingKey(String clientId, YearMonth month) {
        return clientId + "#" + month;
    }

    @Override
    public boolean saveIfAbsent(RatedCall call) {
        RatedCall c = clock == null ? call : call.recordedAt(clock.instant());
        Map<String, AttributeValue> item = item(c);
        return withCounters(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p
                .tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")).build(), c,
                com.outboundcalls.report.CampaignCounters.callRated(c));
    }

    /** A rated call as its item in the table (also what bulk loads write). */
    public static Map<String, AttributeValue> item(RatedCall c) {
        Map<String, AttributeValue> item = Items.key(billingKey(c.clientId(), c.billingMonth()), c.connectContactId());
        item.put("connectContactId", s(c.connectContactId()));
        item.put("clientId", s(c.clientId()));
        item.put("campaignId", s(c.campaignId()));
        item.put("contactId", s(c.contactId()));
        item.put("attempt", n(c.attempt()));
        item.put("originCountry", s(c.originCountry()));
        item.put("destinationCountry", s(c.destinationCountry()));
        item.put("numberType", s(c.numberType()));
        if (c.initiatedAt() != null) {
            item.put("initiatedAt", s(Times.iso(c.initiatedAt())));
        }
        if (c.answeredAt() != null) {
            item.put("answeredAt", s(Times.iso(c.answeredAt())));
        }
        if (c.disconnectedAt() != null) {
            item.put("disconnectedAt", s(Times.iso(c.disconnectedAt())));
        }
        item.put("billedSeconds", n(c.billedSeconds()));
        if (c.pricePerMinute() != null) {
            item.put("pricePerMinute", s(c.pricePerMinute().toPlainString()));
        }
        if (c.amount() != null) {
            item.put("amount", s(c.amount().toPlainString()));
        }
        Items.putIfPresent(item, "priceListVersion", c.priceListVersion());
        item.put("rating", s(c.status().name()));
        Items.putIfPresent(item, "unratedReason", c.unratedReason());
        if (c.status() == RatedCall.Status.UNRATED) {
            // Sparse index of the calls waiting for a price on their route.
            item.put("unratedRoute", s(route(c.originCountry(), c.destinationCountry(), c.numberType())));
        }
        if (c.recordedAt() != null) {
            // The RecordedByClient index: which invoice bills the call follows when its rating was recorded.
            item.put("recordedAt", s(Times.iso(c.recordedAt())));
        }
        item.put("expiresAt", n(c.retainUntil().getEpochSecond()));
        return item;
    }

    @Override
    public java.util.Optional<RatedCall> byConnectContactId(String connectContactId) {
        var keys = dynamo.query(r -> r.tableName(table).indexName("ByConnectContactId")
                .keyConditionExpression("connectContactId = :c")
                .expressionAttributeValues(Map.of(":c", s(connectContactId)))).items();
        if (keys.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key(str(keys.get(0), "pk"), str(keys.get(0), "sk")))).item();
        return item == null || item.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(toRatedCall(item));
    }

    private static String route(String origin, String destination, String numberType) {
        return origin + "#" + destination + "#" + numberType;
    }

    @Override
    public java.util.List<RatedCall> unratedOn(String originCountry, String destinationCountry, String numberType) {
        java.util.List<RatedCall> calls = new java.util.ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).indexName("UnratedByRoute")
                        .keyConditionExpression("unratedRoute = :r")
                        .expressionAttributeValues(Map.of(":r", s(route(originCountry, destinationCountry, numberType)))))
                .items().forEach(item -> calls.add(toRatedCall(item)));
        return calls;
    }

    @Override
    public boolean rerate(RatedCall c) {
        if (clock == null) {
            throw new IllegalStateException("a rating is recorded with its instant: this store has no clock");
        }
        return withCounters(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().update(u -> u
                .tableName(table).key(Items.key(billingKey(c.clientId(), c.billingMonth()), c.connectContactId()))
                .updateExpression("SET rating = :rated, pricePerMinute = :price, amount = :amount, "
                        + "priceListVersion = :version, recordedAt = :at REMOVE unratedRoute, unratedReason")
                .conditionExpression("rating = :unrated")
                .expressionAttributeValues(Items.values(":rated", s(RatedCall.Status.RATED.name()),
                        ":unrated", s(RatedCall.Status.UNRATED.name()), ":at", s(Times.iso(clock.instant())),
                        ":price", s(c.pricePerMinute().toPlainString()), ":amount", s(c.amount().toPlainString()),
                        ":version", s(c.priceListVersion())))).build(), c,
                com.outboundcalls.report.CampaignCounters.billed(c));
    }

    @Override
    public void forEachInMonth(String clientId, YearMonth month, Consumer<RatedCall> consumer) {
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(billingKey(clientId, month)))))
                .items().forEach(item -> consumer.accept(toRatedCall(item)));
    }

    @Override
    public void forEachRecordedBetween(String clientId, java.time.Instant from, java.time.Instant until,
                                       Consumer<RatedCall> consumer) {
        if (!from.isBefore(until)) {
            return;
        }
        // Instants are stored to the millisecond: [from, until) is BETWEEN from AND until - 1 ms.
        dynamo.queryPaginator(r -> r.tableName(table).indexName("RecordedByClient")
                        .keyConditionExpression("clientId = :c AND recordedAt BETWEEN :from AND :last")
                        .expressionAttributeValues(Map.of(":c", s(clientId), ":from", s(Times.iso(from)),
                                ":last", s(Times.iso(until.minusMillis(1))))))
                .items().forEach(item -> consumer.accept(toRatedCall(item)));
    }

    private static RatedCall toRatedCall(Map<String, AttributeValue> item) {
        String amount = str(item, "amount");
        String price = str(item, "pricePerMinute");
        return new RatedCall(str(item, "connectContactId"), str(item, "clientId"), str(item, "campaignId"),
                str(item, "contactId"), (int) Items.num(item, "attempt", 1), str(item, "originCountry"),
                str(item, "destinationCountry"), str(item, "numberType"), Times.parse(str(item, "initiatedAt")),
                Times.parse(str(item, "answeredAt")), Times.parse(str(item, "disconnectedAt")),
                Items.num(item, "billedSeconds", 0), price == null ? null : new java.math.BigDecimal(price),
                amount == null ? null : new java.math.BigDecimal(amount), str(item, "priceListVersion"),
                RatedCall.Status.valueOf(str(item, "rating")), str(item, "unratedReason"),
                Times.parse(str(item, "recordedAt")));
    }
}
