package com.outboundcalls.aws;

import com.outboundcalls.contact.ContactRecord;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.time.Times;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.outboundcalls.aws.Items.num;
import static com.outboundcalls.aws.Items.s;
import static com.outboundcalls.aws.Items.str;
import static com.outboundcalls.aws.Items.values;

/**
 * The contacts table read back as records: each contact with where it came from, where it stands and the
 * decisions taken about it, for reports, returns of data and checks. Changing contacts is
 * {@link DynamoContactBook}'s.
 */
public final class DynamoContactRecords implements ContactRecord.Source, ContactRecord.Pages {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoContactRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Every contact of a campaign with its history, read page by page (eventually consistent: a report). */
    @Override
    public void forEachInCampaign(String campaignKey, Consumer<ContactRecord> consumer) {
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :k")
                        .expressionAttributeValues(values(":k", s(campaignKey))))
                .items().forEach(item -> consumer.accept(record(item)));
    }

    /** A page of a campaign's contacts with their histories, in contact id order (eventually consistent). */
    @Override
    public ContactRecord.Page page(String campaignKey, String cursor, int limit) {
        var page = dynamo.query(r -> {
            r.tableName(table).keyConditionExpression("pk = :k").expressionAttributeValues(values(":k",
                    s(campaignKey))).limit(limit);
            if (cursor != null) {
                r.exclusiveStartKey(Items.fromCursor(cursor));
            }
        });
        return new ContactRecord.Page(page.items().stream().map(DynamoContactRecords::record).toList(),
                page.hasLastEvaluatedKey() ? Items.cursor(page.lastEvaluatedKey()) : null);
    }

    /** The contact's history, oldest first, one line per decision: when, what and why (a strongly consistent read). */
    public List<String> history(String campaignKey, String contactId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key(campaignKey, contactId)).consistentRead(true)).item();
        List<String> lines = new ArrayList<>();
        if (item != null && item.containsKey("history")) {
            for (AttributeValue e : item.get("history").l()) {
                lines.add(e.m().get("at").s() + " " + e.m().get("event").s() + " " + e.m().get("detail").s());
            }
        }
        return lines;
    }

    private static ContactRecord record(Map<String, AttributeValue> item) {
        List<ContactRecord.Decision> history = new ArrayList<>();
        if (item.containsKey("history")) {
            for (AttributeValue e : item.get("history").l()) {
                history.add(new ContactRecord.Decision(Times.parse(e.m().get("at").s()),
                        e.m().get("event").s(), e.m().get("detail").s()));
            }
        }
        return new ContactRecord(str(item, "contactId"), str(item, "e164"),
                str(item, "sourceFile"), (int) num(item, "sourceRow", 0),
                ContactStatus.valueOf(str(item, "status")), (int) num(item, "attempts", 0),
                (int) num(item, "uncountedAttempts", 0), Times.parse(str(item, "dueAt")), history);
    }
}
