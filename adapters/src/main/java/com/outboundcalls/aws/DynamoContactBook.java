package com.outboundcalls.aws;

import com.outboundcalls.contact.CallTally;
import com.outboundcalls.contact.Contact;
import com.outboundcalls.contact.ContactBook;
import com.outboundcalls.contact.ContactHistory;
import com.outboundcalls.contact.ContactRecord;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.ContactTransition;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.ingest.ContactStore.Outcome;
import com.outboundcalls.ingest.ContactStore;
import com.outboundcalls.time.Times;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.outboundcalls.aws.Items.num;
import static com.outboundcalls.aws.Items.s;
import static com.outboundcalls.aws.Items.str;
import static com.outboundcalls.aws.Items.values;

/**
 * Contacts in the contacts table: partition = campaign ({@code clientId#campaignId}), sort = contact id.
 * A contact waiting in the hopper carries {@code hopperKey} (its campaign) and {@code dueAt}, which the
 * sparse Hopper index orders; leaving the hopper removes {@code hopperKey}.
 */
public final class DynamoContactBook implements ContactBook, ContactStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final String statsTable;
    private final DynamoContactWrites writes;

    /**
     * A contact book that reads, or changes contacts without keeping the campaign counters nor marking the hours
     * they are written in (tools, tests).
     */
    public DynamoContactBook(DynamoDbClient dynamo, String table) {
        this(dynamo, table, null, null);
    }

    /**
     * @param statsTable the campaign-stats table, whose counters each status change updates with it
     * @param writes     where the hour of each write of a campaign's contacts is marked, before the write: added
     *                   contacts and every transition (an erasure stops the report's rewrite instead, and expiries and
     *                   deletions are of campaigns that have ended)
     */
    public DynamoContactBook(DynamoDbClient dynamo, String table, String statsTable, DynamoContactWrites writes) {
        this.dynamo = dynamo;
        this.table = table;
        this.statsTable = statsTable;
        this.writes = writes;
    }

    private void marking(String campaignKey) {
        if (writes != null) {
            writes.mark(campaignKey);
        }
    }

    /** Items of one TransactWriteItems call: DynamoDB's limit. */
    private static final int TRANSACTION_ITEMS = 100;

    /**
     * Up to {@code limit} of the campaign's contacts without an expiry get one ({@code expiresAt}, the table's TTL
     * attribute, in epoch seconds): queried a page at a time, each updated on condition that it still exists.
     */
    /** A page of the campaign's keys, then one BatchWriteItem of deletes per 25 (unprocessed ones sent again). */
    @Override
    public int deleteCampaign(String campaignKey, int limit) {
        List<Map<String, AttributeValue>> keys = dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(campaignKey)))
                .projectionExpression("pk, sk")).items().stream().limit(limit).toList();
        for (int from = 0; from < keys.size(); from += 25) {
            List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> deletes = new ArrayList<>();
            for (Map<String, AttributeValue> key : keys.subList(from, Math.min(keys.size(), from + 25))) {
                deletes.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                        .deleteRequest(d -> d.key(Map.of("pk", key.get("pk"), "sk", key.get("sk")))).build());
            }
            Map<String, List<software.amazon.awssdk.services.dynamodb.model.WriteRequest>> pending = Map.of(table, deletes);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 0) {
                    BatchBackoff.pause(attempt);
                }
                Map<String, List<software.amazon.awssdk.services.dynamodb.model.WriteRequest>> asked = pending;
                pending = dynamo.batchWriteItem(r -> r.requestItems(asked)).unprocessedItems();
            }
        }
        return keys.size();
    }

    /** The contact's item holds its history: deleting it erases both. */
    @Override
    public boolean erase(String campaignKey, String contactId) {
        Map<String, AttributeValue> old = dynamo.deleteItem(r -> r.tableName(table).key(Items.key(campaignKey, contactId))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }

    @Override
    public int expireBy(String campaignKey, Instant expiresAt, int limit) {
        int given = 0;
        Map<String, AttributeValue> start = null;
        AttributeValue when = AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()));
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                    .filterExpression("attribute_not_exists(expiresAt)").projectionExpression("pk, sk")
                    .expressionAttributeValues(Map.of(":pk", s(campaignKey))).exclusiveStartKey(from).limit(500));
            for (Map<String, AttributeValue> item : page.items()) {
                if (given >= limit) {
                    return given;
                }
                try {
                    dynamo.updateItem(r -> r.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                            .updateExpression("SET expiresAt = :e").conditionExpression("attribute_exists(pk)")
                            .expressionAttributeValues(Map.of(":e", when)));
                    given++;
                } catch (ConditionalCheckFailedException gone) {
                    // deleted meanwhile: nothing to expire
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return given;
    }

    /**
     * Reads which of the contacts the campaign already holds (one BatchGetItem, consistent), then writes the
     * others, each on condition that it is still absent (TransactWriteItems of up to 100 puts): a contact another
     * file or a retry stored meanwhile is never overwritten, whatever its status by then, and is told as such.
     */
    @Override
    public List<AddResult> addAll(List<NewContact> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, AttributeValue>> existing = existing(batch);
        List<AddResult> results = new ArrayList<>(batch.size());
        List<Integer> toWrite = new ArrayList<>();
        for (NewContact c : batch) {
            Map<String, AttributeValue> old = existing.get(c.contactId());
            if (old == null) {
                toWrite.add(results.size());
                results.add(AddResult.of(Outcome.ADDED));
            } else {
                results.add(outcomeAgainst(c, old));
            }
        }
        toWrite.stream().map(i -> batch.get(i).clientId() + "#" + batch.get(i).campaignId()).distinct()
                .forEach(this::marking);
        putAbsent(batch, toWrite, results);
        return results;
    }

    /** What adding {@code c} means when the campaign already holds the contact as {@code old}. */
    private static AddResult outcomeAgainst(NewContact c, Map<String, AttributeValue> old) {
        if (!c.sourceFile().equals(str(old, "sourceFile"))) {
            return AddResult.of(Outcome.ALREADY_IN_CAMPAIGN);
        }
        long row = num(old, "sourceRow", 0);
        return row == c.sourceRow() ? AddResult.of(Outcome.ALREADY_ADDED_BY_THIS_ROW)
                : new AddResult(Outcome.EARLIER_ROW_OF_THIS_FILE, row);
    }

    private void putAbsent(List<NewContact> batch, List<Integer> indexes, List<AddResult> results) {
        List<Integer> pending = indexes;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            List<Integer> again = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += TRANSACTION_ITEMS) {
                List<Integer> chunk = pending.subList(from, Math.min(pending.size(), from + TRANSACTION_ITEMS));
                List<TransactWriteItem> puts = new ArrayList<>(chunk.size());
                for (int i : chunk) {
                    puts.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(newItem(batch.get(i)))
                            .conditionExpression("attribute_not_exists(sk)")
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
                }
                try {
                    dynamo.transactWriteItems(r -> r.transactItems(puts));
                } catch (TransactionCanceledException e) {
                    List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                    for (int k = 0; k < chunk.size(); k++) {
                        int i = chunk.get(k);
                        CancellationReason reason = k < reasons.size() ? reasons.get(k) : null;
                        if (reason != null && "ConditionalCheckFailed".equals(reason.code())) {
                            // Stored meanwhile (another file, a retry): left as it is, and told.
                            Map<String, AttributeValue> old = reason.hasItem() && !reason.item().isEmpty() ? reason.item()
                                    : current(batch.get(i));
                            results.set(i, outcomeAgainst(batch.get(i), old));
                        } else {
                            again.add(i); // not written because another item failed, or a conflict: try again
                        }
                    }
                }
            }
            pending = again;
            if (!pending.isEmpty()) {
                BatchBackoff.pause(attempt);
            }
        }
    }

    private Map<String, AttributeValue> current(NewContact c) {
        return dynamo.getItem(r -> r.tableName(table).key(Items.key(c.clientId() + "#" + c.campaignId(), c.contactId()))
                .consistentRead(true).projectionExpression("sk, sourceFile, sourceRow")).item();
    }

    private Map<String, Map<String, AttributeValue>> existing(List<NewContact> batch) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (NewContact c : batch) {
            keys.add(Items.key(c.clientId() + "#" + c.campaignId(), c.contactId()));
        }
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        BatchBackoff.getAll(dynamo, table, KeysAndAttributes.builder().keys(keys).consistentRead(true)
                .projectionExpression("sk, sourceFile, sourceRow").build(), item -> found.put(str(item, "sk"), item));
        return found;
    }

    private static Map<String, AttributeValue> newItem(NewContact c) {
        String campaignKey = c.clientId() + "#" + c.campaignId();
        Map<String, AttributeValue> item = Items.key(campaignKey, c.contactId());
        item.put("clientId", s(c.clientId()));
        item.put("campaignId", s(c.campaignId()));
        item.put("contactId", s(c.contactId()));
        item.put("e164", s(c.e164()));
        item.put("region", s(c.region()));
        item.put("numberType", s(c.numberType()));
        Items.putIfPresent(item, "firstName", c.firstName());
        Items.putIfPresent(item, "lastName", c.lastName());
        Items.putIfPresent(item, "company", c.company());
        Items.putIfPresent(item, "consentProof", c.consentProof());
        if (!c.attributes().isEmpty()) {
            item.put("attributes", AttributeValue.fromM(Items.stringMap(c.attributes())));
        }
        item.put("sourceFile", s(c.sourceFile()));
        item.put("sourceRow", Items.n(c.sourceRow()));
        item.put("status", s(ContactStatus.CALLABLE.name()));
        item.put("attempts", Items.n(0));
        item.put("hopperKey", s(campaignKey));
        item.put("dueAt", s(Times.iso(c.dueAt())));
        item.put("updatedAt", s(Times.iso(c.dueAt())));
        item.put("history", AttributeValue.fromL(List.of(entry(ContactHistory.stored(c.dueAt(), c.sourceFile(),
                c.sourceRow())))));
        return item;
    }

    @Override
    public List<HopperEntry> due(String campaignKey, Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<HopperEntry> entries = new ArrayList<>();
        var response = dynamo.query(r -> r.tableName(table).indexName("Hopper")
                .keyConditionExpression("hopperKey = :k AND dueAt <= :now")
                .expressionAttributeValues(values(":k", s(campaignKey), ":now", s(Times.iso(now))))
                .limit(limit));
        for (Map<String, AttributeValue> item : response.items()) {
            entries.add(new HopperEntry(campaignKey, str(item, "sk"), str(item, "region"),
                    (int) num(item, "attempts", 0), Times.parse(str(item, "dueAt"))));
        }
        return entries;
    }

    @Override
    public boolean claimForQueue(String campaignKey, String contactId, Instant now, Instant leaseUntil) {
        return apply(ContactTransition.CLAIM_FOR_QUEUE, campaignKey, contactId, Guarded.at(now),
                "SET #st = :to, dueAt = :lease, queuedAt = :now, updatedAt = :now",
                values(":lease", s(Times.iso(leaseUntil)), ":now", s(Times.iso(now))), null,
                ContactHistory.queued(now, leaseUntil));
    }

    @Override
    public void deferTo(String campaignKey, String contactId, Instant dueAt, Instant now) {
        apply(ContactTransition.DEFER, campaignKey, contactId, Guarded.at(now), "SET dueAt = :due, #st = :to",
                values(":due", s(Times.iso(dueAt))), null, ContactHistory.deferredToWindow(now, dueAt));
    }

    @Override
    public Optional<Contact> get(String campaignKey, String contactId) {
        Map<String, AttributeValue> item = get(campaignKey, contactId, true);
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String field : List.of("firstName", "lastName", "company")) {
            Items.putIfPresentInto(attributes, field, str(item, field));
        }
        attributes.putAll(Items.stringMap(item, "attributes"));
        return Optional.of(new Contact(str(item, "clientId"), str(item, "campaignId"), str(item, "contactId"),
                str(item, "e164"), str(item, "region"), str(item, "numberType"), attributes,
                ContactStatus.valueOf(str(item, "status")), (int) num(item, "attempts", 0),
                Times.parse(str(item, "dueAt")), str(item, "connectContactId"), (int) num(item, "uncountedAttempts", 0),
                str(item, "preferredAgent")));
    }

    @Override
    public boolean markDialing(String campaignKey, String contactId, int attempt, String connectContactId,
                               Instant at) {
        return apply(ContactTransition.MARK_DIALING, campaignKey, contactId, Guarded.attempt(attempt),
                "SET #st = :to, attempts = :attempt, connectContactId = :cid, updatedAt = :at REMOVE hopperKey, dueAt",
                values(":attempt", Items.n(attempt), ":cid", s(connectContactId), ":at", s(Times.iso(at))), null,
                ContactHistory.placed(at, attempt, connectContactId));
    }

    @Override
    public void returnToHopper(String campaignKey, String contactId, Instant dueAt, String reason) {
        apply(ContactTransition.RETURN_TO_HOPPER, campaignKey, contactId, Guarded.NOTHING,
                "SET #st = :to, hopperKey = :k, dueAt = :due, updatedAt = :due",
                values(":k", s(campaignKey), ":due", s(Times.iso(dueAt))), null,
                ContactHistory.returnedToHopper(dueAt, reason));
    }

    @Override
    public void markOpposed(String campaignKey, String contactId, Instant at) {
        apply(ContactTransition.MARK_OPPOSED, campaignKey, contactId, Guarded.NOTHING,
                "SET #st = :to, outcome = :reason, updatedAt = :at REMOVE hopperKey, dueAt",
                values(":reason", s("OPPOSED"), ":at", s(Times.iso(at))), null, ContactHistory.opposed(at));
    }

    @Override
    public void markUndialable(String campaignKey, String contactId, String reason, Instant at) {
        apply(ContactTransition.MARK_UNDIALABLE, campaignKey, contactId, Guarded.NOTHING,
                "SET #st = :to, outcome = :reason, updatedAt = :at REMOVE hopperKey, dueAt",
                values(":reason", s(reason), ":at", s(Times.iso(at))), null, ContactHistory.undialable(at, reason));
    }

    @Override
    public boolean settle(String campaignKey, String contactId, String connectContactId, ContactStatus next,
                          Instant dueAt, String outcome, Instant at, CallTally tally) {
        Map<String, AttributeValue> vals = values(":outcome", s(outcome), ":at", s(Times.iso(at)));
        String update;
        if (next == ContactStatus.CALLABLE) {
            vals.put(":k", s(campaignKey));
            vals.put(":due", s(Times.iso(dueAt)));
            update = "SET #st = :to, outcome = :outcome, updatedAt = :at, hopperKey = :k, dueAt = :due";
        } else {
            update = "SET #st = :to, outcome = :outcome, updatedAt = :at";
        }
        return apply(ContactTransition.SETTLE, campaignKey, contactId, Guarded.call(connectContactId),
                update + " REMOVE preferredAgent", vals, next, ContactHistory.settled(at, outcome, next, dueAt), tally);
    }

    @Override
    public boolean settleUncounted(String campaignKey, String contactId, String connectContactId, Instant dueAt,
                                   String outcome, Instant at, CallTally tally, String preferredAgent) {
        Map<String, AttributeValue> vals = values(":outcome", s(outcome), ":at", s(Times.iso(at)),
                ":k", s(campaignKey), ":due", s(Times.iso(dueAt)), ":one", Items.n(1));
        String update = "SET #st = :to, outcome = :outcome, updatedAt = :at, hopperKey = :k, dueAt = :due";
        if (preferredAgent != null) {
            vals.put(":agent", s(preferredAgent));
            update += ", preferredAgent = :agent ADD uncountedAttempts :one";
        } else {
            update += " ADD uncountedAttempts :one REMOVE preferredAgent";
        }
        return apply(ContactTransition.SETTLE_UNCOUNTED, campaignKey, contactId, Guarded.call(connectContactId),
                update, vals, null, ContactHistory.settledUncounted(at, outcome, dueAt), tally);
    }

    /** Counts a campaign's contacts by status (for reports and the demo's summary). */
    public Map<ContactStatus, Long> countByStatus(String campaignKey) {
        Map<ContactStatus, Long> counts = new java.util.EnumMap<>(ContactStatus.class);
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :k")
                        .expressionAttributeValues(values(":k", s(campaignKey)))
                        .projectionExpression("#st").expressionAttributeNames(Map.of("#st", "status")))
                .items().forEach(item -> counts.merge(ContactStatus.valueOf(str(item, "status")), 1L, Long::sum));
        return counts;
    }

    private Map<String, AttributeValue> get(String campaignKey, String contactId, boolean consistent) {
        return dynamo.getItem(r -> r.tableName(table).key(Items.key(campaignKey, contactId))
                .consistentRead(consistent)).item();
    }

    /** One decision of the contact's history. */
    private static AttributeValue entry(ContactRecord.Decision decision) {
        return AttributeValue.fromM(Map.of("at", s(Times.iso(decision.at())), "event", s(decision.event()),
                "detail", s(decision.detail())));
    }

    /** What a transition's guard compares with: the instant, the attempt recorded, or the call settled. */
    private record Guarded(Instant now, int attempt, String connectContactId) {
        static final Guarded NOTHING = new Guarded(null, 0, null);

        static Guarded at(Instant now) {
            return new Guarded(now, 0, null);
        }

        static Guarded attempt(int attempt) {
            return new Guarded(null, attempt, null);
        }

        static Guarded call(String connectContactId) {
            return new Guarded(null, 0, connectContactId);
        }
    }

    /**
     * The transition's condition as DynamoDB checks it: the contact exists, it is in a status the transition
     * leaves, and it passes the transition's guard. Adds the values it names.
     */
    private static String condition(ContactTransition transition, Guarded guarded, Map<String, AttributeValue> vals) {
        List<String> statuses = new ArrayList<>();
        int i = 0;
        for (ContactStatus status : transition.from()) {
            vals.put(":from" + i, s(status.name()));
            statuses.add("#st = :from" + i++);
        }
        String from = String.join(" OR ", statuses);
        return "attribute_exists(pk) AND (" + switch (transition.guard()) {
            case NONE -> from;
            case OR_QUEUED_WITH_LAPSED_LEASE -> {
                vals.put(":lapsedQueued", s(ContactStatus.QUEUED.name()));
                vals.put(":guardNow", s(Times.iso(guarded.now())));
                yield from + " OR (#st = :lapsedQueued AND dueAt <= :guardNow)";
            }
            case NEXT_ATTEMPT -> {
                vals.put(":previous", Items.n(guarded.attempt() - 1L));
                yield "(" + from + ") AND attempts = :previous";
            }
            case SAME_CALL -> {
                vals.put(":currentCall", s(guarded.connectContactId()));
                yield "(" + from + ") AND connectContactId = :currentCall";
            }
        } + ")";
    }

    /**
     * Applies a transition of the contact's state machine if its condition holds, appending its decision to the
     * contact's history; with counters, adds what it counts to the campaign's in the same transaction, so that
     * the change counts exactly once. False when the contact had moved on.
     */
    private boolean apply(ContactTransition transition, String campaignKey, String contactId, Guarded guarded,
                          String update, Map<String, AttributeValue> vals, ContactStatus requested,
                          ContactRecord.Decision decision) {
        return apply(transition, campaignKey, contactId, guarded, update, vals, requested, decision, CallTally.NONE);
    }

    private boolean apply(ContactTransition transition, String campaignKey, String contactId, Guarded guarded,
                          String update, Map<String, AttributeValue> vals, ContactStatus requested,
                          ContactRecord.Decision decision, CallTally tally) {
        marking(campaignKey);
        ContactStatus reached = transition.target(requested);
        Map<String, AttributeValue> all = new HashMap<>(vals);
        all.put(":to", s(reached.name()));
        String condition = condition(transition, guarded, all);
        all.put(":history", AttributeValue.fromL(List.of(entry(decision))));
        all.put(":noHistory", AttributeValue.fromL(List.of()));
        String appended = update.replaceFirst("^SET ",
                "SET history = list_append(if_not_exists(history, :noHistory), :history), ");
        Map<String, Long> counters = new LinkedHashMap<>(transition.counters(reached));
        tally.counts().forEach((k, v) -> counters.merge(k, v, Long::sum));
        if (statsTable == null || counters.isEmpty()) {
            try {
                dynamo.updateItem(r -> r.tableName(table).key(Items.key(campaignKey, contactId))
                        .updateExpression(appended).conditionExpression(condition)
                        .expressionAttributeNames(Map.of("#st", "status")).expressionAttributeValues(all));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        }
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().update(u -> u
                        .tableName(table).key(Items.key(campaignKey, contactId)).updateExpression(appended)
                        .conditionExpression(condition)
                        .expressionAttributeNames(Map.of("#st", "status"))
                        .expressionAttributeValues(all)).build(),
                DynamoCampaignStats.add(statsTable, campaignKey, counters)));
        DynamoCampaignStats.addToHour(statsTable, campaignKey, tally).ifPresent(writes::add);
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }
}
