package com.outboundcalls.aws;

import com.outboundcalls.invoice.InvoiceRunLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

import static com.outboundcalls.aws.Items.n;
import static com.outboundcalls.aws.Items.s;
import static com.outboundcalls.aws.Items.values;

/**
 * The invoice runs in the invoices table: the run ({@code RUN#YYYY-MM}: scheduledTime, expected, done,
 * planningComplete, finishedAt) and a marker per counted page ({@code RUN#YYYY-MM#PAGE#n}) and per counted account
 * ({@code RUN#YYYY-MM#DONE#clientId}). A marker and its count are written in one transaction: a task delivered
 * twice finds its marker and counts nothing. Markers expire after a year; the run's item stays with the invoices.
 */
public final class DynamoInvoiceRunLedger implements InvoiceRunLedger {

    private static final Duration MARKERS_KEPT = Duration.ofDays(400);
    /** Concurrent accounts' tasks update the same run item: a transaction that met another is tried again. */
    private static final int MAX_ATTEMPTS = 20;

    private final DynamoDbClient dynamo;
    private final String table;
    private final java.time.Clock clock;

    /** @param clock dates the markers' expiry */
    public DynamoInvoiceRunLedger(DynamoDbClient dynamo, String table, java.time.Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    private static String runPk(YearMonth period) {
        return "RUN#" + period;
    }

    @Override
    public Instant open(YearMonth period, Instant scheduledTime) {
        Map<String, AttributeValue> item = Items.key(runPk(period));
        item.put("scheduledTime", s(scheduledTime.toString()));
        item.put("expected", n(0));
        item.put("done", n(0));
        item.put("planningComplete", AttributeValue.fromBool(false));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return scheduledTime;
        } catch (ConditionalCheckFailedException e) {
            // Opened by an earlier delivery of the schedule: its record stands.
            Map<String, AttributeValue> run = dynamo.getItem(r -> r.tableName(table).key(Items.key(runPk(period)))
                    .consistentRead(true)).item();
            return Instant.parse(Items.str(run, "scheduledTime"));
        }
    }

    @Override
    public boolean isDone(YearMonth period, String clientId) {
        Map<String, AttributeValue> marker = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key(runPk(period) + "#DONE#" + clientId)).consistentRead(true)).item();
        return marker != null && !marker.isEmpty();
    }

    @Override
    public boolean planned(YearMonth period, int page, int accounts, boolean last) {
        String update = "ADD expected :n" + (last ? " SET planningComplete = :true" : "");
        Map<String, AttributeValue> values = last ? values(":n", n(accounts), ":true", AttributeValue.fromBool(true))
                : values(":n", n(accounts));
        return countOnce(runPk(period) + "#PAGE#" + page, update, values);
    }

    @Override
    public Progress done(YearMonth period, String clientId) {
        countOnce(runPk(period) + "#DONE#" + clientId, "ADD done :one", values(":one", n(1)));
        return progress(period);
    }

    /** Writes the marker and applies the update to the run's item in one transaction; false if the marker exists. */
    private boolean countOnce(String markerPk, String update, Map<String, AttributeValue> values) {
        String runPk = markerPk.substring(0, markerPk.indexOf('#', "RUN#".length()));
        Map<String, AttributeValue> marker = Items.key(markerPk);
        marker.put("expiresAt", n(clock.instant().plus(MARKERS_KEPT).getEpochSecond()));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName(table).item(marker)
                                .conditionExpression("attribute_not_exists(pk)")).build(),
                        TransactWriteItem.builder().update(u -> u.tableName(table).key(Items.key(runPk))
                                .updateExpression(update).conditionExpression("attribute_exists(pk)")
                                .expressionAttributeValues(values)).build()));
                return true;
            } catch (TransactionCanceledException e) {
                if (Items.conditionFailed(e, 0)) {
                    return false;
                }
                if (Items.conditionFailed(e, 1)) {
                    throw new IllegalStateException("no invoice run " + runPk + ": its schedule's task opens it");
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(200, 5L * attempt) + java.util.concurrent.ThreadLocalRandom.current().nextInt(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Progress progress(YearMonth period) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Items.key(runPk(period)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return new Progress(0, 0, false, null);
        }
        AttributeValue complete = item.get("planningComplete");
        String finishedAt = Items.str(item, "finishedAt");
        return new Progress(Items.num(item, "expected", 0), Items.num(item, "done", 0),
                complete != null && Boolean.TRUE.equals(complete.bool()),
                finishedAt == null ? null : Instant.parse(finishedAt));
    }

    @Override
    public void finished(YearMonth period, Instant at) {
        dynamo.updateItem(r -> r.tableName(table).key(Items.key(runPk(period)))
                .updateExpression("SET finishedAt = if_not_exists(finishedAt, :at)")
                .expressionAttributeValues(values(":at", s(at.toString()))));
    }
}
