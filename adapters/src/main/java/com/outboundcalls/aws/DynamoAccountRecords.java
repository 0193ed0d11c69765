package com.outboundcalls.aws;

import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.AuditEntry;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.account.ClientRole;
import com.outboundcalls.account.ClientUser;
import com.outboundcalls.account.RequestRefused;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.outboundcalls.aws.Items.n;
import static com.outboundcalls.aws.Items.num;
import static com.outboundcalls.aws.Items.s;
import static com.outboundcalls.aws.Items.str;

/**
 * Administration's reads and atomic writes in the accounts table (and the oppositions table): the profile and
 * campaign items the dialing side reads, with a {@code version} each; {@code CLIENT#id / BILLING};
 * {@code CLIENT#id / FORMAT#nnnn} for every agreed contact-file format; {@code CLIENT#id / AUDIT#instant#id}
 * for the audit trail. A change is one
 * TransactWriteItems, each profile or campaign put conditioned on the version it replaces.
 */
public final class DynamoAccountRecords implements AccountRecords {

    private static final String ACCESS = "ACCESS";
    private static final String ERASURE = "ERASURE#";
    /** Instants of one width, so that the sort key's order is time order ("...00Z" would sort after "...00.5Z"). */
    private static final java.time.format.DateTimeFormatter SORTABLE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
    private static final java.util.concurrent.atomic.AtomicLong AUDIT_SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private final DynamoDbClient dynamo;
    private final String table;
    private final String oppositionsTable;

    /** @param oppositionsTable the opposition lists' table; null for a reader that never changes them */
    public DynamoAccountRecords(DynamoDbClient dynamo, String table, String oppositionsTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.oppositionsTable = oppositionsTable;
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Items.key(pk, sk))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private List<Map<String, AttributeValue>> under(String clientId, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(DynamoAccountDirectory.clientPk(clientId)),
                                ":prefix", s(prefix))))
                .items().forEach(items::add);
        return items;
    }

    @Override
    public Optional<ClientProfile> profile(String clientId) {
        return get(DynamoAccountDirectory.clientPk(clientId), DynamoAccountDirectory.PROFILE).map(DynamoAccountRecords::toProfile);
    }

    @Override
    public Optional<BillingAccount> billing(String clientId) {
        return get(DynamoAccountDirectory.clientPk(clientId), DynamoBillingDirectory.BILLING)
                .map(DynamoBillingDirectory::toAccount);
    }

    @Override
    public Optional<VersionedCampaign> campaign(String clientId, String campaignId) {
        return get(DynamoAccountDirectory.clientPk(clientId), "CAMPAIGN#" + campaignId).map(DynamoAccountRecords::toCampaign);
    }

    @Override
    public List<VersionedCampaign> campaigns(String clientId) {
        return under(clientId, "CAMPAIGN#").stream().map(DynamoAccountRecords::toCampaign).toList();
    }

    @Override
    public List<ClientProfile> profiles() {
        List<ClientProfile> found = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(table).filterExpression("sk = :p")
                        .expressionAttributeValues(Map.of(":p", s(DynamoAccountDirectory.PROFILE))))
                .items().forEach(item -> found.add(toProfile(item)));
        found.sort(java.util.Comparator.comparing(ClientProfile::clientId));
        return found;
    }

    /**
     * The parent's sub-accounts, from the sparse index of profiles by parent (their keys), each profile then read
     * whole and consistently: the index may lag a change the profile already carries.
     */
    @Override
    public List<ClientProfile> subAccounts(String parentClientId) {
        List<ClientProfile> found = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).indexName(DynamoBillingDirectory.SUB_ACCOUNTS_INDEX)
                        .keyConditionExpression("parentClientId = :parent").filterExpression("sk = :p")
                        .expressionAttributeValues(Map.of(":parent", s(parentClientId),
                                ":p", s(DynamoAccountDirectory.PROFILE))))
                .items().forEach(key -> get(key.get("pk").s(), DynamoAccountDirectory.PROFILE)
                        .map(DynamoAccountRecords::toProfile)
                        .filter(profile -> parentClientId.equals(profile.parentClientId()))
                        .ifPresent(found::add));
        found.sort(java.util.Comparator.comparing(ClientProfile::clientId));
        return found;
    }

    @Override
    public Optional<ClientUser> user(String email) {
        return get(userPk(email), ACCESS).map(DynamoAccountRecords::toUser);
    }

    /** The index of every item naming its client, keys only: a client's users are its entries under USER#. */
    public static final String ITEMS_BY_CLIENT_INDEX = "ItemsByClient";

    /** The client's users: their keys from the index of items by client, each access then read consistently. */
    @Override
    public List<ClientUser> users(String clientId) {
        List<ClientUser> found = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).indexName(ITEMS_BY_CLIENT_INDEX)
                        .keyConditionExpression("clientId = :c AND begins_with(pk, :u)").filterExpression("sk = :a")
                        .expressionAttributeValues(Map.of(":u", s("USER#"), ":a", s(ACCESS), ":c", s(clientId))))
                .items().forEach(key -> get(key.get("pk").s(), ACCESS).map(DynamoAccountRecords::toUser)
                        .filter(user -> clientId.equals(user.clientId())).ifPresent(found::add));
        found.sort(java.util.Comparator.comparing(ClientUser::email));
        return found;
    }

    private static String userPk(String email) {
        return "USER#" + email;
    }

    private static ClientUser toUser(Map<String, AttributeValue> item) {
        return new ClientUser(item.get("pk").s().substring("USER#".length()), str(item, "clientId"),
                ClientRole.valueOf(str(item, "role")), ClientUser.Status.valueOf(str(item, "status")),
                str(item, "invitedBy"), Instant.parse(str(item, "invitedAt")));
    }

    @Override
    public List<FormatVersion> formats(String clientId) {
        return under(clientId, "FORMAT#").stream().map(item -> new FormatVersion((int) num(item, "formatVersion", 0),
                DynamoAccountDirectory.toFormat(item.get("format").m()), Instant.parse(str(item, "inForceFrom")),
                str(item, "agreedBy"))).toList();
    }

    @Override
    public Optional<com.outboundcalls.account.ErasureRequest> erasure(String clientId, String requestId) {
        return get(DynamoAccountDirectory.clientPk(clientId), ERASURE + requestId).map(DynamoAccountRecords::toErasure);
    }

    @Override
    public List<com.outboundcalls.account.ErasureRequest> erasures(String clientId) {
        return under(clientId, ERASURE).stream().map(DynamoAccountRecords::toErasure)
                .sorted(java.util.Comparator.comparing(com.outboundcalls.account.ErasureRequest::requestedAt)).toList();
    }

    private static com.outboundcalls.account.ErasureRequest toErasure(Map<String, AttributeValue> item) {
        Map<String, Long> erased = new java.util.TreeMap<>();
        if (item.containsKey("erased")) {
            item.get("erased").m().forEach((kind, n) -> erased.put(kind, Long.parseLong(n.n())));
        }
        String completed = str(item, "completedAt");
        return new com.outboundcalls.account.ErasureRequest(str(item, "requestId"), str(item, "clientId"),
                str(item, "e164"), str(item, "maskedNumber"),
                com.outboundcalls.account.ErasureRequest.Status.valueOf(str(item, "status")),
                Instant.parse(str(item, "requestedAt")), str(item, "requestedBy"),
                completed == null ? null : Instant.parse(completed), erased);
    }

    private Map<String, AttributeValue> erasureItem(com.outboundcalls.account.ErasureRequest e) {
        Map<String, AttributeValue> item = Items.key(DynamoAccountDirectory.clientPk(e.clientId()), ERASURE + e.requestId());
        item.put("requestId", s(e.requestId()));
        item.put("clientId", s(e.clientId()));
        Items.putIfPresent(item, "e164", e.e164());
        item.put("maskedNumber", s(e.maskedNumber()));
        item.put("status", s(e.status().name()));
        item.put("requestedAt", s(e.requestedAt().toString()));
        item.put("requestedBy", s(e.requestedBy()));
        if (e.completedAt() != null) {
            item.put("completedAt", s(e.completedAt().toString()));
        }
        Map<String, AttributeValue> erased = new java.util.HashMap<>();
        e.erased().forEach((kind, n) -> erased.put(kind, n(n)));
        item.put("erased", AttributeValue.fromM(erased));
        return item;
    }

    @Override
    public List<AuditEntry> audit(String clientId) {
        return under(clientId, "AUDIT#").stream().map(DynamoAccountRecords::toAudit).toList();
    }

    @Override
    public void commit(Change change) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (Write write : change.writes()) {
            items.add(transactItem(write));
            what.add(describe(write));
        }
        for (AuditEntry entry : change.audit()) {
            items.add(create(table, auditItem(entry)));
            what.add("audit entry");
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < reasons.size() && i < change.writes().size() + change.audit().size(); i++) {
                if (!Items.conditionFailed(e, i)) {
                    continue;
                }
                Write write = i < change.writes().size() ? change.writes().get(i) : null;
                if (write instanceof ProfileWrite p && p.replaces() > 0) {
                    long now = profile(p.profile().clientId()).map(ClientProfile::version).orElse(0L);
                    throw new RequestRefused.StaleVersion("client " + p.profile().clientId(), p.replaces(), now);
                }
                if (write instanceof CampaignWrite c && c.replaces() > 0) {
                    long now = campaign(c.campaign().clientId(), c.campaign().campaignId())
                            .map(VersionedCampaign::version).orElse(0L);
                    throw new RequestRefused.StaleVersion("campaign " + c.campaign().campaignId(), c.replaces(), now);
                }
                if (write instanceof OppositionRemove) {
                    throw new RequestRefused.NotFound(what.get(i));
                }
                throw new RequestRefused.Conflict(what.get(i) + " already exists");
            }
            throw e;
        }
    }

    private TransactWriteItem transactItem(Write write) {
        if (write instanceof ProfileWrite p) {
            return versioned(profileItem(p.profile()), p.replaces());
        }
        if (write instanceof BillingWrite b) {
            return TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(DynamoBillingDirectory.item(b.account())).build()).build();
        }
        if (write instanceof CampaignWrite c) {
            Map<String, AttributeValue> item = DynamoAccountDirectory.campaignItem(c.campaign());
            item.put("version", n(c.replaces() + 1));
            return versioned(item, c.replaces());
        }
        if (write instanceof FormatWrite f) {
            Map<String, AttributeValue> item = Items.key(DynamoAccountDirectory.clientPk(f.clientId()),
                    String.format("FORMAT#%04d", f.format().version()));
            item.put("formatVersion", n(f.format().version()));
            item.put("format", AttributeValue.fromM(DynamoAccountDirectory.formatItem(f.format().format())));
            item.put("inForceFrom", s(f.format().inForceFrom().toString()));
            item.put("agreedBy", s(f.format().agreedBy()));
            return create(table, item);
        }
        if ((write instanceof OppositionAdd || write instanceof OppositionRemove) && oppositionsTable == null) {
            throw new IllegalStateException("no oppositions table is wired to change opposition lists");
        }
        if (write instanceof OppositionAdd o) {
            Map<String, AttributeValue> item = Items.key("CLIENT#" + o.opposition().clientId(), o.opposition().e164());
            item.put("source", s(o.opposition().source()));
            item.put("since", s(o.opposition().since().toString()));
            return create(oppositionsTable, item);
        }
        if (write instanceof AccountRecords.ErasureWrite e) {
            Map<String, AttributeValue> item = erasureItem(e.request());
            if (!e.replacing()) {
                return create(table, item);
            }
            // The completion replaces the pending request, and with it the number it held.
            return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                    .conditionExpression("#st = :requested").expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":requested", s("REQUESTED"))).build()).build();
        }
        if (write instanceof UserWrite u) {
            ClientUser user = u.user();
            Map<String, AttributeValue> item = Items.key(userPk(user.email()), ACCESS);
            item.put("clientId", s(user.clientId()));
            item.put("role", s(user.role().name()));
            item.put("status", s(user.status().name()));
            item.put("invitedBy", s(user.invitedBy()));
            item.put("invitedAt", s(user.invitedAt().toString()));
            Put.Builder put = Put.builder().tableName(table).item(item);
            if (!u.replacing()) {
                // A new user, or one removed before: never an address that has access to a space now.
                put.conditionExpression("attribute_not_exists(pk) OR #st = :removed")
                        .expressionAttributeNames(Map.of("#st", "status"))
                        .expressionAttributeValues(Map.of(":removed", s(ClientUser.Status.REMOVED.name())));
            }
            return TransactWriteItem.builder().put(put.build()).build();
        }
        OppositionRemove o = (OppositionRemove) write;
        return TransactWriteItem.builder().delete(Delete.builder().tableName(oppositionsTable)
                .key(Items.key("CLIENT#" + o.clientId(), o.e164()))
                .conditionExpression("attribute_exists(pk)").build()).build();
    }

    /** What a write's failed condition means, in words. */
    private static String describe(Write write) {
        if (write instanceof ProfileWrite p) {
            return "client " + p.profile().clientId();
        }
        if (write instanceof BillingWrite b) {
            return "billing account of " + b.account().clientId();
        }
        if (write instanceof CampaignWrite c) {
            return "campaign " + c.campaign().campaignId();
        }
        if (write instanceof FormatWrite f) {
            return "format version " + f.format().version();
        }
        if (write instanceof OppositionAdd) {
            return "the number on the client's opposition list";
        }
        if (write instanceof AccountRecords.ErasureWrite e) {
            return "erasure " + e.request().requestId();
        }
        if (write instanceof UserWrite u) {
            return "user " + u.user().email() + ", with access to a client space,";
        }
        return "the number on the client's opposition list";
    }

    private TransactWriteItem versioned(Map<String, AttributeValue> item, long replaces) {
        if (replaces == 0) {
            return create(table, item);
        }
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(replaces))).build()).build();
    }

    private static TransactWriteItem create(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    static Map<String, AttributeValue> profileItem(ClientProfile p) {
        Map<String, AttributeValue> item = DynamoAccountDirectory.profileItem(p.client());
        item.put("version", n(p.version()));
        Items.putIfPresent(item, "parentClientId", p.parentClientId());
        item.put("invoicing", s(p.invoicing().name()));
        Items.putIfPresent(item, "billingEmail", p.billingEmail());
        if (p.suspension() != null) {
            item.put("suspendedFor", s(p.suspension().by()));
            Items.putIfPresent(item, "suspensionNote", p.suspension().note());
        }
        if (p.terminatesOn() != null) {
            item.put("terminatesOn", s(p.terminatesOn().toString()));
        }
        if (!p.providerNumbers().isEmpty()) {
            item.put("providerNumbers", AttributeValue.fromL(p.providerNumbers().stream().map(Items::s).toList()));
        }
        item.put("formatVersion", n(p.formatVersion()));
        return item;
    }

    static ClientProfile toProfile(Map<String, AttributeValue> item) {
        Client client = DynamoAccountDirectory.toClient(item);
        String suspendedFor = str(item, "suspendedFor");
        ClientProfile.Suspension suspension = client.status() == Client.AccountStatus.SUSPENDED
                ? new ClientProfile.Suspension(suspendedFor == null ? ClientProfile.Suspension.OPERATOR : suspendedFor,
                str(item, "suspensionNote")) : null;
        List<String> providerNumbers = item.containsKey("providerNumbers")
                ? item.get("providerNumbers").l().stream().map(AttributeValue::s).toList() : List.of();
        String invoicing = str(item, "invoicing");
        return new ClientProfile(client, str(item, "parentClientId"),
                invoicing == null ? null : ClientProfile.Invoicing.valueOf(invoicing), str(item, "billingEmail"),
                suspension, item.containsKey("terminatesOn") ? LocalDate.parse(str(item, "terminatesOn")) : null,
                providerNumbers, (int) num(item, "formatVersion", 0), num(item, "version", 1));
    }

    private static VersionedCampaign toCampaign(Map<String, AttributeValue> item) {
        return new VersionedCampaign(DynamoAccountDirectory.toCampaign(item), num(item, "version", 1));
    }

    static Map<String, AttributeValue> auditItem(AuditEntry e) {
        // Entries of the same instant keep the order this container made them in; the random part keeps
        // entries of two containers apart.
        Map<String, AttributeValue> item = Items.key(DynamoAccountDirectory.clientPk(e.clientId()),
                "AUDIT#" + SORTABLE.format(e.at()) + "#" + String.format("%012d", AUDIT_SEQUENCE.incrementAndGet()) + "#"
                        + UUID.randomUUID().toString().substring(0, 8));
        item.put("at", s(e.at().toString()));
        item.put("actor", s(e.actor()));
        item.put("action", s(e.action()));
        item.put("target", s(e.target()));
        Map<String, AttributeValue> changes = new HashMap<>();
        e.changes().forEach((field, change) -> {
            Map<String, AttributeValue> pair = new HashMap<>();
            Items.putIfPresent(pair, "before", change.before());
            Items.putIfPresent(pair, "after", change.after());
            changes.put(field, AttributeValue.fromM(pair));
        });
        item.put("changes", AttributeValue.fromM(changes));
        return item;
    }

    private static AuditEntry toAudit(Map<String, AttributeValue> item) {
        Map<String, AuditEntry.FieldChange> changes = new HashMap<>();
        if (item.containsKey("changes")) {
            item.get("changes").m().forEach((field, pair) -> changes.put(field,
                    new AuditEntry.FieldChange(str(pair.m(), "before"), str(pair.m(), "after"))));
        }
        String pk = str(item, "pk");
        return new AuditEntry(pk.substring("CLIENT#".length()), Instant.parse(str(item, "at")), str(item, "actor"),
                str(item, "action"), str(item, "target"), changes);
    }
}
