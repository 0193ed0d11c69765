package com.outboundcalls.aws;

import com.outboundcalls.erasure.ContractEndData;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Where a terminated client's data stands, in the accounts table: {@code CLIENT#id / CONTRACT-END}, and a pointer
 * from its download token's digest, {@code RETURN#digest / RETURN}, for the download route.
 */
public final class DynamoContractEndStages implements ContractEndData.Stages {

    private static final String STAGE = "CONTRACT-END";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoContractEndStages(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<ContractEndData.Stage> of(String clientId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key(DynamoAccountDirectory.clientPk(clientId), STAGE)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toStage(item));
    }

    @Override
    public Optional<ContractEndData.Stage> byTokenDigest(String digest) {
        Map<String, AttributeValue> pointer = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key("RETURN#" + digest, "RETURN")).consistentRead(true)).item();
        if (pointer == null || pointer.isEmpty()) {
            return Optional.empty();
        }
        return of(Items.str(pointer, "clientId")).filter(stage -> digest.equals(stage.tokenDigest()));
    }

    @Override
    public void save(ContractEndData.Stage stage) {
        Map<String, AttributeValue> item = Items.key(DynamoAccountDirectory.clientPk(stage.clientId()), STAGE);
        item.put("clientId", Items.s(stage.clientId()));
        item.put("archiveKey", Items.s(stage.archiveKey()));
        item.put("tokenDigest", Items.s(stage.tokenDigest()));
        item.put("deleteOn", Items.s(stage.deleteOn().toString()));
        Items.putIfPresent(item, "returnedAt", stage.returnedAt() == null ? null : stage.returnedAt().toString());
        item.put("deleted", AttributeValue.fromBool(stage.deleted()));
        Map<String, AttributeValue> pointer = Items.key("RETURN#" + stage.tokenDigest(), "RETURN");
        pointer.put("clientId", Items.s(stage.clientId()));
        dynamo.putItem(r -> r.tableName(table).item(pointer));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    private static ContractEndData.Stage toStage(Map<String, AttributeValue> item) {
        String returned = Items.str(item, "returnedAt");
        return new ContractEndData.Stage(Items.str(item, "clientId"), Items.str(item, "archiveKey"),
                Items.str(item, "tokenDigest"), LocalDate.parse(Items.str(item, "deleteOn")),
                returned == null ? null : Instant.parse(returned), Boolean.TRUE.equals(item.get("deleted").bool()));
    }
}
