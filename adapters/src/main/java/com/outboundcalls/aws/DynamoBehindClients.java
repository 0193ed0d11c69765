package com.outboundcalls.aws;

import com.outboundcalls.invoice.BehindClients;
import com.outboundcalls.time.Zones;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * A day's dunning notes in the invoices table: one item per client found behind ({@code DUNNING#{day}#{client}}),
 * which the table's TTL deletes a week after the day.
 */
public final class DynamoBehindClients implements BehindClients {

    private static final Duration KEPT = Duration.ofDays(8);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBehindClients(DynamoDbClient dynamo, String invoicesTable) {
        this.dynamo = dynamo;
        this.table = invoicesTable;
    }

    private static String pk(String clientId, LocalDate day) {
        return "DUNNING#" + day + "#" + clientId;
    }

    @Override
    public void markBehind(String clientId, LocalDate day) {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        item.put("pk", Items.s(pk(clientId, day)));
        item.put("expiresAt", Items.n(day.atStartOfDay(Zones.BILLING).plus(KEPT).toEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    @Override
    public boolean wasBehind(String clientId, LocalDate day) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", Items.s(pk(clientId, day))))).item();
        return item != null && !item.isEmpty();
    }
}
