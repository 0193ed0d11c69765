package com.outboundcalls.aws;

import com.outboundcalls.dial.CallLines;
import com.outboundcalls.dial.CallLog;
import com.outboundcalls.dial.CallRecord;
import com.outboundcalls.dial.DialPacer;
import com.outboundcalls.time.Times;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.outboundcalls.aws.Items.n;
import static com.outboundcalls.aws.Items.s;
import static com.outboundcalls.aws.Items.str;
import static com.outboundcalls.aws.Items.values;

/**
 * The calls table: call records by Connect ContactId ({@code CALL#id}), the line held by each ClientToken
 * ({@code LINE#token}) with the instance's counter ({@code LINES}), and per-second pacing slots
 * ({@code PACE#epochSecond}), and the seats of agent-assisted calls per routing queue ({@code SEATS#queueId}, one
 * {@code SEAT#token} each, naming its queue). Counters only move through conditional writes.
 */
public final class DynamoCallControl implements CallLines, DialPacer, CallLog, com.outboundcalls.dial.AgentSeats {

    private static final String LINES = "LINES";
    private static final Duration CALL_RECORD_TTL = Duration.ofDays(400);

    private final DynamoDbClient dynamo;
    private final String table;
    private final int maxConcurrentCalls;
    private final int callsPerSecond;
    private final Clock clock;

    public DynamoCallControl(DynamoDbClient dynamo, String table, int maxConcurrentCalls, int callsPerSecond,
                             Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.maxConcurrentCalls = maxConcurrentCalls;
        this.callsPerSecond = callsPerSecond;
        this.clock = clock;
    }

    @Override
    public int active() {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Items.key(LINES))
                .consistentRead(true)).item();
        return item == null ? 0 : (int) Items.num(item, "active", 0);
    }

    @Override
    public CallLines.Claim claim(String clientToken) {
        // No TTL on a held line: a line deleted behind the counter's back would leak it for good.
        Map<String, AttributeValue> line = Items.key("LINE#" + clientToken);
        line.put("heldSince", s(Times.iso(clock.instant())));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(line)
                            .conditionExpression("attribute_not_exists(pk)").build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table).key(Items.key(LINES))
                            .updateExpression("SET active = if_not_exists(active, :zero) + :one ADD held :token")
                            .conditionExpression("attribute_not_exists(active) OR active < :max")
                            .expressionAttributeValues(values(":zero", n(0), ":one", n(1),
                                    ":max", n(maxConcurrentCalls), ":token", AttributeValue.fromSs(List.of(clientToken))))
                            .build()).build()));
            return CallLines.Claim.ACQUIRED;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) {
                return CallLines.Claim.ALREADY_HELD;
            }
            if (Items.conditionFailed(e, 1)) {
                return CallLines.Claim.FULL;
            }
            throw e;
        }
    }

    @Override
    public boolean release(String clientToken) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                            .key(Items.key("LINE#" + clientToken))
                            .conditionExpression("attribute_exists(pk)").build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table).key(Items.key(LINES))
                            .updateExpression("SET active = active - :one DELETE held :token")
                            .expressionAttributeValues(values(":one", n(1),
                                    ":token", AttributeValue.fromSs(List.of(clientToken)))).build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            boolean alreadyReleased = Items.conditionFailed(e, 0);
            if (!alreadyReleased) {
                throw e; // a conflict: the message is retried
            }
            return false;
        }
    }

    /** The queue's seats, from the entries its counter item holds ({@code epochMillis|token}, one per seat). */
    @Override
    public List<java.time.Instant> heldSince(String queueId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Items.key("SEATS#" + queueId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return List.of();
        }
        int active = (int) Items.num(item, "active", 0);
        List<java.time.Instant> since = new java.util.ArrayList<>();
        AttributeValue entries = item.get("held");
        if (entries != null && entries.hasSs()) {
            for (String entry : entries.ss()) {
                since.add(java.time.Instant.ofEpochMilli(Long.parseLong(entry.substring(0, entry.indexOf('|')))));
            }
        }
        while (since.size() < active) {
            since.add(java.time.Instant.EPOCH); // a seat taken before its time was kept: long in progress
        }
        return since.size() > active ? since.subList(0, Math.max(0, active)) : since;
    }

    @Override
    public com.outboundcalls.dial.AgentSeats.Claim claimSeat(String queueId, String clientToken, int capacity) {
        Map<String, AttributeValue> seat = Items.key("SEAT#" + clientToken);
        seat.put("queueId", s(queueId));
        java.time.Instant now = clock.instant();
        String entry = now.toEpochMilli() + "|" + clientToken;
        seat.put("heldSince", s(Times.iso(now)));
        seat.put("heldEntry", s(entry));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(seat)
                            .conditionExpression("attribute_not_exists(pk)").build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(Items.key("SEATS#" + queueId))
                            .updateExpression("SET active = if_not_exists(active, :zero) + :one ADD held :entry")
                            .conditionExpression("(attribute_not_exists(active) AND :zero < :cap) OR active < :cap")
                            .expressionAttributeValues(values(":zero", n(0), ":one", n(1), ":cap", n(capacity),
                                    ":entry", AttributeValue.fromSs(List.of(entry))))
                            .build()).build()));
            return com.outboundcalls.dial.AgentSeats.Claim.ACQUIRED;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) {
                return com.outboundcalls.dial.AgentSeats.Claim.ALREADY_HELD;
            }
            if (Items.conditionFailed(e, 1)) {
                return com.outboundcalls.dial.AgentSeats.Claim.FULL;
            }
            throw e;
        }
    }

    /** Frees the seat in the queue its item names; a token that holds none (an agentless call) frees nothing. */
    @Override
    public boolean releaseSeat(String clientToken) {
        Map<String, AttributeValue> seat = dynamo.getItem(r -> r.tableName(table).key(Items.key("SEAT#" + clientToken))
                .consistentRead(true)).item();
        if (seat == null || seat.isEmpty()) {
            return false;
        }
        String queueId = str(seat, "queueId");
        String entry = seat.containsKey("heldEntry") ? str(seat, "heldEntry") : null;
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                            .key(Items.key("SEAT#" + clientToken))
                            .conditionExpression("attribute_exists(pk)").build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(Items.key("SEATS#" + queueId))
                            .updateExpression(entry == null ? "SET active = active - :one"
                                    : "SET active = active - :one DELETE held :entry")
                            .expressionAttributeValues(entry == null ? values(":one", n(1))
                                    : values(":one", n(1), ":entry", AttributeValue.fromSs(List.of(entry))))
                            .build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean tryTake(long epochSecond) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Items.key("PACE#" + epochSecond))
                    .updateExpression("SET taken = if_not_exists(taken, :zero) + :one, expiresAt = :exp")
                    .conditionExpression("attribute_not_exists(taken) OR taken < :max")
                    .expressionAttributeValues(values(":zero", n(0), ":one", n(1), ":max", n(callsPerSecond),
                            ":exp", n(epochSecond + 3600))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void record(CallRecord call) {
        Map<String, AttributeValue> item = Items.key("CALL#" + call.connectContactId());
        item.put("connectContactId", s(call.connectContactId()));
        item.put("clientToken", s(call.clientToken()));
        item.put("clientId", s(call.clientId()));
        item.put("campaignId", s(call.campaignId()));
        item.put("contactId", s(call.contactId()));
        item.put("attempt", n(call.attempt()));
        item.put("originCountry", s(call.originCountry()));
        item.put("destinationCountry", s(call.destinationCountry()));
        item.put("numberType", s(call.numberType()));
        item.put("placedAt", s(Times.iso(call.placedAt())));
        item.put("expiresAt", n(call.placedAt().plus(CALL_RECORD_TTL).getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item));
        try {
            // The line carries its call from now on, so an audit can ask Connect about a line held too long.
            dynamo.updateItem(r -> r.tableName(table).key(Items.key("LINE#" + call.clientToken()))
                    .updateExpression("SET connectContactId = :cid").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(values(":cid", s(call.connectContactId()))));
        } catch (ConditionalCheckFailedException alreadyReleased) {
            // the call ended and its line was freed before the record was written
        }
    }

    @Override
    public List<HeldLine> held() {
        Map<String, AttributeValue> counter = dynamo.getItem(r -> r.tableName(table).key(Items.key(LINES))
                .consistentRead(true)).item();
        if (counter == null || !counter.containsKey("held") || !counter.get("held").hasSs()) {
            return List.of();
        }
        List<HeldLine> held = new java.util.ArrayList<>();
        for (String token : counter.get("held").ss()) {
            Map<String, AttributeValue> line = dynamo.getItem(r -> r.tableName(table)
                    .key(Items.key("LINE#" + token)).consistentRead(true)).item();
            if (line != null && !line.isEmpty()) {
                held.add(new HeldLine(token, Times.parse(str(line, "heldSince")), str(line, "connectContactId")));
            }
        }
        return held;
    }

    @Override
    public Optional<CallRecord> find(String connectContactId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key("CALL#" + connectContactId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CallRecord(str(item, "connectContactId"), str(item, "clientToken"),
                str(item, "clientId"), str(item, "campaignId"), str(item, "contactId"),
                (int) Items.num(item, "attempt", 1), str(item, "originCountry"), str(item, "destinationCountry"),
                str(item, "numberType"), Times.parse(str(item, "placedAt"))));
    }
}
