package com.outboundcalls.aws;

import com.outboundcalls.contact.ContactWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hours in which a campaign's contacts were written, in the campaign-stats table: one item per campaign and hour
 * ({@code campaignKey#W#yyyyMMddHH}, UTC), set before a write by the wall clock of the function writing, and expiring
 * two days after its hour. A container marks a campaign's hour once: later writes of the same hour find it marked.
 */
public final class DynamoContactWrites implements ContactWrites {

    /** The most hours one question reads (one BatchGetItem); a longer span is answered "written". */
    static final int MOST_HOURS = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    /** The hour each campaign was last marked in by this container. */
    private final Map<String, Instant> marked = new ConcurrentHashMap<>();

    public DynamoContactWrites(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    static String key(String campaignKey, Instant at) {
        return campaignKey + "#W#" + DynamoCampaignStats.hour(at);
    }

    /** Marks this hour as one in which the campaign's contacts are written: called before the write. */
    public void mark(String campaignKey) {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        if (hour.equals(marked.get(campaignKey))) {
            return;
        }
        long expires = hour.plus(Duration.ofDays(2)).getEpochSecond();
        dynamo.updateItem(r -> r.tableName(table).key(Items.key(key(campaignKey, hour)))
                .updateExpression("SET expiresAt = :expires")
                .expressionAttributeValues(Map.of(":expires", Items.n(expires))));
        marked.put(campaignKey, hour);
    }

    @Override
    public boolean writtenBetween(String campaignKey, Instant from, Instant to) {
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        Instant last = to.truncatedTo(ChronoUnit.HOURS);
        if (last.isBefore(first)) {
            return false;
        }
        if (Duration.between(first, last).toHours() >= MOST_HOURS) {
            return true;
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Instant h = first; !h.isAfter(last); h = h.plus(Duration.ofHours(1))) {
            keys.add(Items.key(key(campaignKey, h)));
        }
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                .consistentRead(true).projectionExpression("pk").build());
        for (int attempt = 0; !request.isEmpty(); attempt++) {
            if (attempt > 0) {
                BatchBackoff.pause(attempt - 1);
            }
            Map<String, KeysAndAttributes> asked = request;
            var response = dynamo.batchGetItem(r -> r.requestItems(asked));
            if (!response.responses().getOrDefault(table, List.of()).isEmpty()) {
                return true;
            }
            request = response.unprocessedKeys();
        }
        return false;
    }
}
