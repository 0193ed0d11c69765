package com.outboundcalls.aws;

import com.outboundcalls.account.AuditEntry;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.invoice.AccountSuspensions;
import com.outboundcalls.invoice.BillingDirectory;
import com.outboundcalls.invoice.InvoiceStore;
import com.outboundcalls.invoice.Provider;
import com.outboundcalls.money.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.outboundcalls.aws.Items.n;
import static com.outboundcalls.aws.Items.s;
import static com.outboundcalls.aws.Items.str;
import static com.outboundcalls.aws.Items.values;

/**
 * Billing accounts in the accounts table ({@code CLIENT#id / BILLING}), the provider's identity
 * ({@code PROVIDER / IDENTITY}), and suspension for non-payment on the client's {@code PROFILE}.
 */
public final class DynamoBillingDirectory implements BillingDirectory, AccountSuspensions {

    public static final String BILLING = "BILLING";
    private static final String NON_PAYMENT = "NON_PAYMENT";

    private final DynamoDbClient dynamo;
    private final String table;
    private final java.time.Clock clock;

    public DynamoBillingDirectory(DynamoDbClient dynamo, String table) {
        this(dynamo, table, java.time.Clock.systemUTC());
    }

    /** @param clock dates the audit entries of suspensions for non-payment and their lifting */
    public DynamoBillingDirectory(DynamoDbClient dynamo, String table, java.time.Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<BillingAccount> account(String clientId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key(DynamoAccountDirectory.clientPk(clientId), BILLING))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toAccount(item));
    }

    @Override
    public List<BillingAccount> accounts() {
        List<BillingAccount> accounts = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(table).filterExpression("sk = :b")
                        .expressionAttributeValues(Map.of(":b", s(BILLING))))
                .items().forEach(item -> accounts.add(toAccount(item)));
        accounts.sort(Comparator.comparing(BillingAccount::clientId));
        return accounts;
    }

    @Override
    public Map<String, List<Section>> sectionsByParent() {
        Map<String, List<Section>> sections = new java.util.TreeMap<>();
        dynamo.scanPaginator(r -> r.tableName(table).filterExpression("sk = :p AND invoicing = :section")
                        .expressionAttributeValues(Map.of(":p", s(DynamoAccountDirectory.PROFILE), ":section",
                                s(com.outboundcalls.account.ClientProfile.Invoicing.PARENT_SECTION.name()))))
                .items().forEach(item -> sections.computeIfAbsent(str(item, "parentClientId"), k -> new ArrayList<>())
                        .add(new Section(str(item, "clientId"), str(item, "name"))));
        sections.values().forEach(list -> list.sort(Comparator.comparing(Section::clientId)));
        return sections;
    }

    /** The index of sub-accounts by their parent (profiles carrying {@code parentClientId}). */
    public static final String SUB_ACCOUNTS_INDEX = "SubAccountsByParent";

    @Override
    public List<Section> sectionsOf(String parentClientId) {
        List<Section> sections = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).indexName(SUB_ACCOUNTS_INDEX)
                        .keyConditionExpression("parentClientId = :parent")
                        .filterExpression("sk = :p AND invoicing = :section")
                        .expressionAttributeValues(Map.of(":parent", s(parentClientId), ":p",
                                s(DynamoAccountDirectory.PROFILE), ":section",
                                s(com.outboundcalls.account.ClientProfile.Invoicing.PARENT_SECTION.name()))))
                .items().forEach(item -> sections.add(new Section(str(item, "clientId"), str(item, "name"))));
        sections.sort(Comparator.comparing(Section::clientId));
        return sections;
    }

    /**
     * A page of the accounts table's billing accounts and client profiles: one Scan of at most {@code size} items
     * read, from the cursor (the last key read, encoded) on.
     */
    @Override
    public Page page(String cursor, int size) {
        var response = dynamo.scan(r -> {
            r.tableName(table).limit(size).filterExpression("sk = :b OR sk = :p")
                    .expressionAttributeValues(Map.of(":b", s(BILLING), ":p", s(DynamoAccountDirectory.PROFILE)));
            if (cursor != null) {
                r.exclusiveStartKey(decodeCursor(cursor));
            }
        });
        List<BillingAccount> accounts = new ArrayList<>();
        List<ClientEntry> clients = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            if (BILLING.equals(str(item, "sk"))) {
                accounts.add(toAccount(item));
            } else {
                boolean section = com.outboundcalls.account.ClientProfile.Invoicing.PARENT_SECTION.name()
                        .equals(str(item, "invoicing"));
                clients.add(new ClientEntry(str(item, "clientId"), section ? str(item, "parentClientId") : null));
            }
        }
        Map<String, AttributeValue> last = response.lastEvaluatedKey();
        return new Page(accounts, clients, last == null || last.isEmpty() ? null : encodeCursor(last));
    }

    private static String encodeCursor(Map<String, AttributeValue> key) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(str(key, "pk").getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(str(key, "sk").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor) {
        int dot = cursor.indexOf('.');
        if (dot < 1 || dot == cursor.length() - 1) {
            throw new IllegalArgumentException("not a directory cursor");
        }
        java.util.Base64.Decoder b64 = java.util.Base64.getUrlDecoder();
        return Items.key(new String(b64.decode(cursor.substring(0, dot)), java.nio.charset.StandardCharsets.UTF_8),
                new String(b64.decode(cursor.substring(dot + 1)), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public List<String> invoicedOn(String parentClientId) {
        return sectionsOf(parentClientId).stream().map(Section::clientId).toList();
    }

    @Override
    public Provider provider() {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key("PROVIDER", "IDENTITY"))).item();
        if (item == null || item.isEmpty()) {
            throw new IllegalStateException("the provider's identity (PROVIDER / IDENTITY in the accounts table) is "
                    + "not set: no invoice can be issued without it");
        }
        return new Provider(entity(item.get("identity").m()), str(item, "legalForm"), str(item, "registration"),
                str(item, "iban"), str(item, "bic"), str(item, "email"),
                item.containsKey("vatOnDebits") && Boolean.TRUE.equals(item.get("vatOnDebits").bool()));
    }

    public void putProvider(Provider provider) {
        Map<String, AttributeValue> item = Items.key("PROVIDER", "IDENTITY");
        item.put("identity", AttributeValue.fromM(entityItem(provider.identity())));
        Items.putIfPresent(item, "legalForm", provider.legalForm());
        Items.putIfPresent(item, "registration", provider.registration());
        Items.putIfPresent(item, "iban", provider.iban());
        Items.putIfPresent(item, "bic", provider.bic());
        Items.putIfPresent(item, "email", provider.email());
        item.put("vatOnDebits", AttributeValue.fromBool(provider.vatOnDebits()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    public void putAccount(BillingAccount account) {
        Map<String, AttributeValue> item = item(account);
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    /** The billing account's item, {@code CLIENT#id / BILLING}. */
    static Map<String, AttributeValue> item(BillingAccount account) {
        Map<String, AttributeValue> item = Items.key(DynamoAccountDirectory.clientPk(account.clientId()), BILLING);
        item.put("clientId", s(account.clientId()));
        item.put("planName", s(account.plan().name()));
        item.put("planMonthlyPrice", n(account.plan().monthlyPrice()));
        units(item, "numbers", account.numbers());
        units(item, "users", account.users());
        units(item, "licences", account.licences());
        item.put("subscribedOn", s(account.subscribedOn().toString()));
        if (account.terminationNoticeOn() != null) {
            item.put("terminationNoticeOn", s(account.terminationNoticeOn().toString()));
        }
        if (account.terminatedOn() != null) {
            item.put("terminatedOn", s(account.terminatedOn().toString()));
        }
        item.put("identity", AttributeValue.fromM(entityItem(account.identity())));
        item.put("paymentTermDays", n(account.paymentTermDays()));
        if (!account.changes().isEmpty()) {
            // Later changes of the fixed part, each from its day.
            List<AttributeValue> changes = new ArrayList<>();
            for (BillingAccount.Terms t : account.changes()) {
                Map<String, AttributeValue> m = new HashMap<>();
                m.put("from", s(t.from().toString()));
                m.put("planName", s(t.plan().name()));
                m.put("planMonthlyPrice", n(t.plan().monthlyPrice()));
                units(m, "numbers", t.numbers());
                units(m, "users", t.users());
                units(m, "licences", t.licences());
                changes.add(AttributeValue.fromM(m));
            }
            item.put("changes", AttributeValue.fromL(changes));
        }
        return item;
    }

    /** The actor the account's audit trail names for dunning's changes. */
    static final String DUNNING = "system:dunning";

    @Override
    public boolean suspendForNonPayment(String clientId, String reason) {
        return updateProfile(clientId, "SET accountStatus = :suspended, suspendedFor = :why, suspensionNote = :note",
                "accountStatus = :active", values(":suspended", s("SUSPENDED"), ":why", s(NON_PAYMENT),
                        ":note", s(reason), ":active", s("ACTIVE")),
                new AuditEntry(clientId, clock.instant(), DUNNING, "client.suspended", "client/" + clientId,
                        Map.of("status", new AuditEntry.FieldChange("ACTIVE", "SUSPENDED"),
                                "suspension", new AuditEntry.FieldChange(null, NON_PAYMENT + ": " + reason))));
    }

    @Override
    public boolean liftNonPaymentSuspension(String clientId) {
        return updateProfile(clientId, "SET accountStatus = :active REMOVE suspendedFor, suspensionNote",
                "accountStatus = :suspended AND suspendedFor = :why", values(":suspended", s("SUSPENDED"), ":why",
                        s(NON_PAYMENT), ":active", s("ACTIVE")),
                new AuditEntry(clientId, clock.instant(), DUNNING, "client.reactivated", "client/" + clientId,
                        Map.of("status", new AuditEntry.FieldChange("SUSPENDED", "ACTIVE"))));
    }

    @Override
    public Optional<LocalDate> subscribedOn(String clientId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key(DynamoAccountDirectory.clientPk(clientId), BILLING))
                .projectionExpression("subscribedOn")).item();
        return item == null || !item.containsKey("subscribedOn") ? Optional.empty()
                : Optional.of(LocalDate.parse(str(item, "subscribedOn")));
    }

    @Override
    public boolean isSuspendedForNonPayment(String clientId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Items.key(DynamoAccountDirectory.clientPk(clientId), DynamoAccountDirectory.PROFILE))
                .projectionExpression("accountStatus, suspendedFor")).item();
        return item != null && "SUSPENDED".equals(str(item, "accountStatus")) && NON_PAYMENT.equals(str(item,
                "suspendedFor"));
    }

    /**
     * A conditional update of the client's profile with its audit entry, in one transaction; false when the
     * condition did not hold (then neither is written).
     */
    private boolean updateProfile(String clientId, String update, String condition,
                                  Map<String, AttributeValue> values, AuditEntry audit) {
        // Every change of the profile makes a new version, so that an operator's change made on the version
        // before this one is refused rather than undoing it.
        Map<String, AttributeValue> withOne = new java.util.HashMap<>(values);
        withOne.put(":one", n(1));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().update(u -> u
                            .tableName(table)
                            .key(Items.key(DynamoAccountDirectory.clientPk(clientId), DynamoAccountDirectory.PROFILE))
                            .updateExpression(update + " ADD version :one").conditionExpression(condition)
                            .expressionAttributeValues(withOne)).build(),
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p
                            .tableName(table).item(DynamoAccountRecords.auditItem(audit))).build()));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    /** A page of a scan of the accounts table: a page may hold no suspended client and still have a next. */
    @Override
    public InvoiceStore.Page<String> suspendedForNonPayment(String cursor, int limit) {
        var page = dynamo.scan(r -> {
            r.tableName(table).filterExpression("sk = :p AND suspendedFor = :why")
                    .expressionAttributeValues(values(":p", s(DynamoAccountDirectory.PROFILE), ":why", s(NON_PAYMENT)))
                    .limit(limit);
            if (cursor != null) {
                r.exclusiveStartKey(Items.fromCursor(cursor));
            }
        });
        return new InvoiceStore.Page<>(page.items().stream().map(item -> str(item, "clientId")).toList(),
                page.hasLastEvaluatedKey() ? Items.cursor(page.lastEvaluatedKey()) : null);
    }

    private static void units(Map<String, AttributeValue> item, String name, BillingAccount.Units units) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("quantity", n(units.quantity()));
        m.put("unitPrice", n(units.unitPrice()));
        item.put(name, AttributeValue.fromM(m));
    }

    private static BillingAccount.Units units(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasM()) {
            return BillingAccount.Units.NONE;
        }
        return new BillingAccount.Units((int) Items.num(v.m(), "quantity", 0), price(Items.decimal(v.m(), "unitPrice")));
    }

    /** A price as written, at least to the cent: DynamoDB keeps a number's value, not its trailing zeros. */
    private static BigDecimal price(BigDecimal value) {
        return Money.atLeastCents(value);
    }

    private static Map<String, AttributeValue> entityItem(LegalEntity e) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("name", s(e.name()));
        m.put("street", s(e.street()));
        m.put("postcode", s(e.postcode()));
        m.put("city", s(e.city()));
        m.put("countryCode", s(e.countryCode()));
        Items.putIfPresent(m, "siren", e.siren());
        m.put("vatNumber", s(e.vatNumber()));
        return m;
    }

    private static LegalEntity entity(Map<String, AttributeValue> m) {
        return new LegalEntity(str(m, "name"), str(m, "street"), str(m, "postcode"), str(m, "city"),
                str(m, "countryCode"), str(m, "siren"), str(m, "vatNumber"));
    }

    static BillingAccount toAccount(Map<String, AttributeValue> item) {
        return new BillingAccount(str(item, "clientId"),
                new BillingAccount.Plan(str(item, "planName"), price(Items.decimal(item, "planMonthlyPrice"))),
                units(item, "numbers"), units(item, "users"), units(item, "licences"),
                LocalDate.parse(str(item, "subscribedOn")),
                item.containsKey("terminatedOn") ? LocalDate.parse(str(item, "terminatedOn")) : null,
                entity(item.get("identity").m()), (int) Items.num(item, "paymentTermDays",
                BillingAccount.DEFAULT_PAYMENT_TERM_DAYS),
                item.containsKey("terminationNoticeOn") ? LocalDate.parse(str(item, "terminationNoticeOn")) : null,
                changes(item));
    }

    private static List<BillingAccount.Terms> changes(Map<String, AttributeValue> item) {
        List<BillingAccount.Terms> changes = new ArrayList<>();
        if (item.containsKey("changes")) {
            for (AttributeValue v : item.get("changes").l()) {
                Map<String, AttributeValue> m = v.m();
                changes.add(new BillingAccount.Terms(LocalDate.parse(str(m, "from")), new BillingAccount.Plan(
                        str(m, "planName"), price(Items.decimal(m, "planMonthlyPrice"))), units(m, "numbers"),
                        units(m, "users"), units(m, "licences")));
            }
        }
        return changes;
    }

}
