package com.outboundcalls.aws;

import com.outboundcalls.files.LatestRewrites;
import com.outboundcalls.time.Times;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static com.outboundcalls.aws.Items.n;
import static com.outboundcalls.aws.Items.s;

/**
 * The latest rewrite of each file written in steps, in a table keyed by {@code pk} alone ({@code REWRITE#fileKey}:
 * chain; the invoices table for the month's files, the campaign stats table for campaign reports), read
 * consistently by each step, and, once that rewrite wrote the file whole, as of when ({@code wholeAsOf}, which the
 * next rewrite started removes). The record expires a year after its last rewrite.
 */
public final class DynamoLatestRewrites implements LatestRewrites {

    private static final Duration KEPT = Duration.ofDays(400);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoLatestRewrites(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void started(String fileKey, String chain) {
        Map<String, AttributeValue> item = Items.key("REWRITE#" + fileKey);
        item.put("chain", s(chain));
        item.put("expiresAt", n(clock.instant().plus(KEPT).getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    @Override
    public Optional<String> latest(String fileKey) {
        Map<String, AttributeValue> item = read(fileKey);
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Items.str(item, "chain"));
    }

    @Override
    public void finished(String fileKey, String chain, Instant asOf) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Items.key("REWRITE#" + fileKey))
                    .updateExpression("SET wholeAsOf = :asOf").conditionExpression("chain = :chain")
                    .expressionAttributeValues(Map.of(":asOf", s(Times.iso(asOf)), ":chain", s(chain))));
        } catch (ConditionalCheckFailedException e) {
            // Another rewrite was started since: the file is whole as of that one's end, not this one's.
        }
    }

    @Override
    public Optional<Instant> wholeAsOf(String fileKey) {
        Map<String, AttributeValue> item = read(fileKey);
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Times.parse(Items.str(item,
                "wholeAsOf")));
    }

    private Map<String, AttributeValue> read(String fileKey) {
        return dynamo.getItem(r -> r.tableName(table).key(Items.key("REWRITE#" + fileKey)).consistentRead(true)).item();
    }
}
