package com.outboundcalls.aws;

import com.outboundcalls.rate.Price;
import com.outboundcalls.rate.PriceCatalog;
import com.outboundcalls.time.Times;
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
public final class DynamoPriceCatalog implements PriceCatalog {

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
