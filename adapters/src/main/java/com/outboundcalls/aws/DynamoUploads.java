package com.outboundcalls.aws;

import com.outboundcalls.account.RequestRefused;
import com.outboundcalls.ingest.Upload;
import com.outboundcalls.ingest.UploadRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static com.outboundcalls.aws.Items.num;
import static com.outboundcalls.aws.Items.s;
import static com.outboundcalls.aws.Items.str;

/**
 * The uploads the client space granted, in the contacts table beside the files' ledger: {@code UPLOAD#{key} /
 * UPLOAD}, written once when the link is handed out, read by the ingest before it reads the object.
 */
public final class DynamoUploads implements UploadRegistry {

    private static final String SK = "UPLOAD";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoUploads(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(Upload upload) {
        Map<String, AttributeValue> item = Items.key("UPLOAD#" + upload.key(), SK);
        item.put("clientId", s(upload.clientId()));
        item.put("campaignId", s(upload.campaignId()));
        item.put("fileName", s(upload.fileName()));
        item.put("size", Items.n(upload.size()));
        item.put("requestedBy", s(upload.requestedBy()));
        item.put("requestedAt", s(upload.requestedAt().toString()));
        item.put("expiresAt", s(upload.expiresAt().toString()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new RequestRefused.Conflict("an upload was already granted for " + upload.key());
        }
    }

    @Override
    public Optional<Upload> find(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Items.key("UPLOAD#" + key, SK))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Upload(key, str(item, "clientId"), str(item, "campaignId"), str(item, "fileName"),
                num(item, "size", 0), str(item, "requestedBy"), Instant.parse(str(item, "requestedAt")),
                Instant.parse(str(item, "expiresAt"))));
    }
}
