package com.outboundcalls.aws;

import com.outboundcalls.rate.Price;
import com.outboundcalls.rate.PriceListFile;
import com.outboundcalls.rate.PriceListStore;
import com.outboundcalls.time.Times;
import com.outboundcalls.time.Zones;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.outboundcalls.aws.Items.s;
import static com.outboundcalls.aws.Items.values;

/**
 * Price-list rows: partition {@code list#origin#destination#numberType}, sort {@code validFrom#version}.
 * The price at an instant is the row with the latest validFrom not after it.
 */
public final class DynamoPriceCatalog implements PriceListStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPriceCatalog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String routeKey(String listId, String origin, String destination, String numberType) {
        return listId + "#" + origin + "#" + destination + "#" + numberType;
    }

    @Override
    public Optional<Price> priceAt(String listId, String originCountry, String destinationCountry,
                                   String numberType, Instant at) {
        List<Map<String, AttributeValue>> items = dynamo.query(r -> r.tableName(table)
                .keyConditionExpression("pk = :pk AND sk <= :at")
                .expressionAttributeValues(values(":pk", s(routeKey(listId, originCountry, destinationCountry,
                        numberType)), ":at", s(Times.iso(at) + "#\uffff")))
                .scanIndexForward(false).limit(1)).items();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> row = items.get(0);
        return Optional.of(new Price(new BigDecimal(Items.str(row, "pricePerMinute")), Items.str(row, "version")));
    }

    @Override
    public Optional<String> versionSource(String listId, String version) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key("VERSION#" + listId, version)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Items.str(item, "source"));
    }

    @Override
    public void saveVersion(String listId, String version, List<PriceListFile.Row> rows, Instant publishedAt,
                            String source) {
        for (PriceListFile.Row row : rows) {
            putRow(listId, version, row.originCountry(), row.destinationCountry(), row.numberType(),
                    row.pricePerMinute(), row.validFrom().atStartOfDay(Zones.BILLING).toInstant());
        }
        // The version is published once all its rows are in: a crash before this line is finished by a retry.
        Map<String, AttributeValue> marker = Items.key("VERSION#" + listId, version);
        marker.put("publishedAt", s(Times.iso(publishedAt)));
        marker.put("source", s(source));
        marker.put("rows", Items.n(rows.size()));
        dynamo.putItem(r -> r.tableName(table).item(marker));
    }

    /** Writes one row of a price-list version. */
    public void putRow(String listId, String version, String origin, String destination, String numberType,
                       BigDecimal pricePerMinute, Instant validFrom) {
        Map<String, AttributeValue> item = Items.key(routeKey(listId, origin, destination, numberType),
                Times.iso(validFrom) + "#" + version);
        item.put("pricePerMinute", s(pricePerMinute.toPlainString()));
        item.put("version", s(version));
        item.put("validFrom", s(Times.iso(validFrom)));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }
}
