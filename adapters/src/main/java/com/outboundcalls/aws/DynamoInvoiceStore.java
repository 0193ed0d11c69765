package com.outboundcalls.aws;

import com.outboundcalls.invoice.AccountingEntries;
import com.outboundcalls.invoice.Dispute;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceStore;
import com.outboundcalls.invoice.LatePenalty;
import com.outboundcalls.invoice.Payment;
import com.outboundcalls.invoice.Receivable;
import com.outboundcalls.money.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.outboundcalls.aws.Items.n;
import static com.outboundcalls.aws.Items.s;
import static com.outboundcalls.aws.Items.str;
import static com.outboundcalls.aws.Items.values;

/**
 * Invoices ({@code INVOICE#clientId#YYYY-MM}), credit notes ({@code CREDIT#invoiceNumber#reference}), a pointer
 * per number ({@code NUMBER#n}), payments ({@code PAYMENT#bankReference}) and the yearly sequences
 * ({@code SEQUENCE#YYYY}, {@code SEQUENCE#CREDIT#YYYY}). A document, its pointer and its sequence are written in
 * one transaction: a number is never burnt, never given twice. The document itself is never rewritten; the
 * receivable's figures sit beside it, and an invoice with something to pay carries the sparse {@code unpaid}
 * key of the UnpaidByDueDate index.
 */
public final class DynamoInvoiceStore implements InvoiceStore {

    private static final int MAX_ATTEMPTS = 50;
    private static final String UNPAID = "1";
    /** DynamoDB's most keys in one BatchGetItem. */
    private static final int BATCH_GET_KEYS = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoInvoiceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** When the table's TTL deletes a record of that year ({@link Invoice#YEARS_KEPT_AFTER_THEIR_YEAR}). */
    private static long keptUntil(int year) {
        return LocalDate.of(year + 1 + Invoice.YEARS_KEPT_AFTER_THEIR_YEAR, 1, 1).atStartOfDay()
                .toEpochSecond(ZoneOffset.UTC);
    }

    private static String invoicePk(String clientId, YearMonth period) {
        return "INVOICE#" + clientId + "#" + period;
    }

    private static String creditPk(String invoiceNumber, String reference) {
        return "CREDIT#" + invoiceNumber + "#" + reference;
    }

    private Map<String, AttributeValue> get(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Items.key(pk))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    @Override
    public Optional<Invoice> find(String clientId, YearMonth period) {
        return Optional.ofNullable(get(invoicePk(clientId, period))).map(DynamoInvoiceStore::document);
    }

    @Override
    public Invoice issue(Invoice draft) {
        String pk = invoicePk(draft.clientId(), draft.period());
        return allocate(draft, pk, "SEQUENCE#" + draft.issueDate().getYear(), "%d-%06d", null);
    }

    @Override
    public Invoice issueCreditNote(Invoice draft, String reference, BigDecimal creditedExclVatBefore) {
        String invoicePk = pointedPk(draft.corrects())
                .orElseThrow(() -> new IllegalArgumentException("no invoice " + draft.corrects()));
        boolean first = creditedExclVatBefore.signum() == 0;
        Update credit = Update.builder().tableName(table).key(Items.key(invoicePk))
                .updateExpression("SET creditedExclVat = :excl, creditedInclVat = if_not_exists(creditedInclVat, :zero)"
                        + " + :incl")
                .conditionExpression(first ? "attribute_not_exists(creditedExclVat) OR creditedExclVat = :zero"
                        : "creditedExclVat = :before")
                .expressionAttributeValues(first
                        ? values(":excl", n(creditedExclVatBefore.add(draft.totalExclVat())), ":zero", n(BigDecimal.ZERO),
                        ":incl", n(draft.totalInclVat()))
                        : values(":excl", n(creditedExclVatBefore.add(draft.totalExclVat())), ":zero", n(BigDecimal.ZERO),
                        ":incl", n(draft.totalInclVat()), ":before", n(creditedExclVatBefore)))
                .build();
        Invoice issued = allocate(draft, creditPk(draft.corrects(), reference),
                "SEQUENCE#CREDIT#" + draft.issueDate().getYear(), "AV-%d-%06d", credit);
        settleIfCovered(invoicePk, draft.issueDate());
        return issued;
    }

    @Override
    public Invoice issuePenaltyClaim(Invoice draft) {
        return allocate(draft, "CLAIM#" + draft.corrects(), "SEQUENCE#PENALTY#" + draft.issueDate().getYear(),
                "PEN-%d-%06d", null);
    }

    @Override
    public Optional<Invoice> creditNote(String invoiceNumber, String reference) {
        return Optional.ofNullable(get(creditPk(invoiceNumber, reference))).map(DynamoInvoiceStore::document);
    }

    /**
     * Numbers a draft from its sequence and writes it with its number pointer and the sequence in one transaction,
     * with one more update when given. If the document's key exists already, returns the stored one.
     */
    private Invoice allocate(Invoice draft, String pk, String sequencePk, String format, Update alongside) {
        int year = draft.issueDate().getYear();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> seq = get(sequencePk);
            long last = seq == null ? 0 : Items.num(seq, "last", 0);
            Invoice numbered = draft.withNumber(String.format(format, year, last + 1));
            Map<String, AttributeValue> item = Items.key(pk);
            item.put("number", s(numbered.number()));
            item.put("period", s(draft.period().toString()));
            item.put("clientId", s(draft.clientId()));
            item.put("documentType", s(draft.type().name()));
            item.put("totalInclVat", n(numbered.totalInclVat()));
            item.put("dueDate", s(numbered.dueDate().toString()));
            item.put("document", s(write(numbered)));
            item.put("expiresAt", n(keptUntil(year)));
            entryKeys(item, new AccountingEntries.Sale(numbered), YearMonth.from(numbered.issueDate()));
            if (!draft.isCreditNote()) {
                item.put("unpaid", s(UNPAID));
                item.put("paid", n(BigDecimal.ZERO));
            }
            Map<String, AttributeValue> pointer = Items.key("NUMBER#" + numbered.number());
            pointer.put("ref", s(pk));
            pointer.put("expiresAt", item.get("expiresAt"));
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(Items.key(sequencePk))
                    .updateExpression("SET #last = :next")
                    .conditionExpression(last == 0 ? "attribute_not_exists(#last)" : "#last = :prev")
                    .expressionAttributeNames(Map.of("#last", "last"))
                    .expressionAttributeValues(last == 0 ? values(":next", n(last + 1))
                            : values(":next", n(last + 1), ":prev", n(last)))
                    .build()).build());
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(pointer)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
            if (alongside != null) {
                writes.add(TransactWriteItem.builder().update(alongside).build());
            }
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return numbered;
            } catch (TransactionCanceledException e) {
                    if (Items.conditionFailed(e, 0)) {
                    return document(get(pk));
                }
                if (Items.conditionFailed(e, 3)) {
                    throw new ConcurrentModificationException("another credit note was issued against "
                            + draft.corrects() + " meanwhile: ask again");
                }
                // Another document took this number first (or the transaction conflicted): read the sequence again.
            }
        }
        throw new IllegalStateException("could not allocate a number from " + sequencePk + " after " + MAX_ATTEMPTS
                + " attempts");
    }

    private Optional<String> pointedPk(String number) {
        return Optional.ofNullable(get("NUMBER#" + number)).map(p -> str(p, "ref"));
    }

    @Override
    public Optional<Receivable> receivable(String number) {
        return pointedPk(number).map(this::get).map(DynamoInvoiceStore::receivable);
    }

    @Override
    public List<Receivable> ofPeriod(YearMonth period) {
        List<Receivable> documents = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).indexName("ByPeriod")
                        .keyConditionExpression("#period = :p")
                        .expressionAttributeNames(Map.of("#period", "period"))
                        .expressionAttributeValues(Map.of(":p", s(period.toString()))))
                .items().forEach(item -> documents.add(receivable(item)));
        return documents;
    }

    @Override
    public Page<Receivable> ofPeriod(YearMonth period, String cursor, int limit) {
        var page = dynamo.query(r -> {
            r.tableName(table).indexName("ByPeriod").keyConditionExpression("#period = :p")
                    .expressionAttributeNames(Map.of("#period", "period"))
                    .expressionAttributeValues(Map.of(":p", s(period.toString()))).limit(limit);
            if (cursor != null) {
                r.exclusiveStartKey(Items.fromCursor(cursor));
            }
        });
        return new Page<>(page.items().stream().map(DynamoInvoiceStore::receivable).toList(),
                page.hasLastEvaluatedKey() ? Items.cursor(page.lastEvaluatedKey()) : null);
    }

    /**
     * The EntriesByMonth index's keys: the month an entry belongs to in the accounting, and its place among the
     * month's entries ({@link AccountingEntries#sortKey}).
     */
    private static void entryKeys(Map<String, AttributeValue> item, AccountingEntries.Entry entry, YearMonth month) {
        item.put("entryMonth", s(month.toString()));
        item.put("entryOrder", s(AccountingEntries.sortKey(entry)));
    }

    @Override
    public Page<AccountingEntries.Entry> accountingEntries(YearMonth month, String cursor, int limit) {
        var page = dynamo.query(r -> {
            r.tableName(table).indexName("EntriesByMonth").keyConditionExpression("entryMonth = :m")
                    .expressionAttributeValues(Map.of(":m", s(month.toString()))).limit(limit);
            if (cursor != null) {
                r.exclusiveStartKey(Items.fromCursor(cursor));
            }
        });
        List<AccountingEntries.Entry> entries = new ArrayList<>();
        Map<String, Invoice> paid = new HashMap<>();
        for (Map<String, AttributeValue> item : page.items()) {
            String pk = str(item, "pk");
            if (!pk.startsWith("PAYMENT#")) {
                entries.add(new AccountingEntries.Sale(document(item)));
                continue;
            }
            Payment payment = new Payment(str(item, "invoiceNumber"), Items.decimal(item, "amount"),
                    LocalDate.parse(str(item, "receivedOn")), pk.substring("PAYMENT#".length()));
            Invoice invoice = paid.computeIfAbsent(str(item, "invoicePk"), invoicePk -> Optional.ofNullable(
                    get(invoicePk)).map(DynamoInvoiceStore::document).orElseThrow(() -> new IllegalStateException(
                    "payment " + payment.bankReference() + " of an unknown invoice " + payment.invoiceNumber())));
            entries.add(new AccountingEntries.PaymentOf(payment, invoice));
        }
        return new Page<>(entries, page.hasLastEvaluatedKey() ? Items.cursor(page.lastEvaluatedKey()) : null);
    }

    @Override
    public List<Receivable> unpaid() {
        List<Receivable> documents = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).indexName("UnpaidByDueDate")
                        .keyConditionExpression("unpaid = :u")
                        .expressionAttributeValues(Map.of(":u", s(UNPAID))))
                .items().forEach(item -> documents.add(receivable(item)));
        return documents;
    }

    /**
     * One BatchGetItem of up to 100 months (consistent: a payment recorded just before is seen), the months'
     * invoices with the {@code unpaid} key kept.
     */
    @Override
    public List<Receivable> unpaidOf(String clientId, YearMonth from, YearMonth through) {
        List<Receivable> documents = new ArrayList<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(through); month = month.plusMonths(1)) {
            keys.add(Items.key(invoicePk(clientId, month)));
            if (keys.size() == BATCH_GET_KEYS || month.equals(through)) {
                BatchBackoff.getAll(dynamo, table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build(),
                        item -> {
                            if (item.containsKey("unpaid")) {
                                documents.add(receivable(item));
                            }
                        });
                keys = new ArrayList<>();
            }
        }
        documents.sort(java.util.Comparator.comparing((Receivable r) -> r.invoice().dueDate()));
        return documents;
    }

    @Override
    public List<Receivable> unpaidDueBefore(LocalDate day) {
        List<Receivable> documents = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).indexName("UnpaidByDueDate")
                        .keyConditionExpression("unpaid = :u AND dueDate < :day")
                        .expressionAttributeValues(Map.of(":u", s(UNPAID), ":day", s(day.toString()))))
                .items().forEach(item -> documents.add(receivable(item)));
        return documents;
    }

    @Override
    public Page<Receivable> unpaidDueBefore(LocalDate day, String cursor, int limit) {
        var page = dynamo.query(r -> {
            r.tableName(table).indexName("UnpaidByDueDate").keyConditionExpression("unpaid = :u AND dueDate < :day")
                    .expressionAttributeValues(Map.of(":u", s(UNPAID), ":day", s(day.toString()))).limit(limit);
            if (cursor != null) {
                r.exclusiveStartKey(Items.fromCursor(cursor));
            }
        });
        return new Page<>(page.items().stream().map(DynamoInvoiceStore::receivable).toList(),
                page.hasLastEvaluatedKey() ? Items.cursor(page.lastEvaluatedKey()) : null);
    }

    @Override
    public Payment.Outcome recordPayment(Payment payment) {
        Optional<String> invoicePk = pointedPk(payment.invoiceNumber());
        if (invoicePk.isEmpty()) {
            return Payment.Outcome.UNKNOWN_INVOICE;
        }
        Map<String, AttributeValue> record = Items.key("PAYMENT#" + payment.bankReference());
        record.put("invoiceNumber", s(payment.invoiceNumber()));
        record.put("amount", n(payment.amount()));
        record.put("receivedOn", s(payment.receivedOn().toString()));
        record.put("receivedMonth", s(YearMonth.from(payment.receivedOn()).toString()));
        record.put("invoicePk", s(invoicePk.get()));
        entryKeys(record, new AccountingEntries.PaymentOf(payment, null), YearMonth.from(payment.receivedOn()));
        record.put("expiresAt", n(keptUntil(payment.receivedOn().getYear())));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(record)
                            .conditionExpression("attribute_not_exists(pk)").build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table).key(Items.key(invoicePk.get()))
                            // Each payment listed with its date: late interest falls from each payment's day.
                            .updateExpression("SET paid = if_not_exists(paid, :zero) + :amount, "
                                    + "paymentLog = list_append(if_not_exists(paymentLog, :none), :this)")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeValues(values(":zero", n(BigDecimal.ZERO), ":amount",
                                    n(payment.amount()), ":none", AttributeValue.fromL(List.of()),
                                    ":this", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                                            "bankReference", s(payment.bankReference()),
                                            "amount", n(payment.amount()),
                                            "receivedOn", s(payment.receivedOn().toString())))))))
                            .build()).build()));
        } catch (TransactionCanceledException e) {
            Map<String, AttributeValue> earlier = get("PAYMENT#" + payment.bankReference());
            if (earlier == null) {
                throw e;
            }
            boolean same = payment.invoiceNumber().equals(str(earlier, "invoiceNumber"))
                    && payment.amount().compareTo(Items.decimal(earlier, "amount")) == 0
                    && payment.receivedOn().toString().equals(str(earlier, "receivedOn"));
            if (same) {
                // A retry after a crash between the two steps still settles the invoice.
                settleIfCovered(invoicePk.get(), payment.receivedOn());
            }
            return same ? Payment.Outcome.ALREADY_RECORDED : Payment.Outcome.CONFLICT;
        }
        settleIfCovered(invoicePk.get(), payment.receivedOn());
        return Payment.Outcome.RECORDED;
    }

    /** Once payments and credits cover the total, notes the day and leaves the unpaid index. */
    private void settleIfCovered(String invoicePk, LocalDate on) {
        Map<String, AttributeValue> item = get(invoicePk);
        if (item == null || item.containsKey("settledOn")) {
            return;
        }
        if (receivable(item).outstanding().signum() > 0) {
            return;
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Items.key(invoicePk))
                    .updateExpression("SET settledOn = :d REMOVE unpaid")
                    .conditionExpression("attribute_not_exists(settledOn)")
                    .expressionAttributeValues(values(":d", s(on.toString()))));
        } catch (ConditionalCheckFailedException e) {
            // settled by a concurrent payment
        }
    }

    @Override
    public Dispute.Outcome recordDispute(String invoiceNumber, Dispute dispute) {
        Optional<String> pk = pointedPk(invoiceNumber);
        if (pk.isEmpty()) {
            return Dispute.Outcome.UNKNOWN_INVOICE;
        }
        Map<String, AttributeValue> d = new HashMap<>();
        d.put("filedOn", s(dispute.filedOn().toString()));
        d.put("reason", s(dispute.reason()));
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Items.key(pk.get()))
                    .updateExpression("SET dispute = :d")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(dispute) "
                            + "OR attribute_exists(dispute.resolvedOn))")
                    .expressionAttributeValues(Map.of(":d", AttributeValue.fromM(d))));
            return Dispute.Outcome.RECORDED;
        } catch (ConditionalCheckFailedException e) {
            return Dispute.Outcome.ALREADY_OPEN;
        }
    }

    @Override
    public boolean resolveDispute(String invoiceNumber, LocalDate resolvedOn) {
        Optional<String> pk = pointedPk(invoiceNumber);
        if (pk.isEmpty()) {
            return false;
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Items.key(pk.get()))
                    .updateExpression("SET dispute.resolvedOn = :d")
                    .conditionExpression("attribute_exists(dispute) AND attribute_not_exists(dispute.resolvedOn)")
                    .expressionAttributeValues(values(":d", s(resolvedOn.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void recordPenalty(String invoiceNumber, LatePenalty penalty) {
        String pk = pointedPk(invoiceNumber).orElseThrow(() -> new IllegalArgumentException("no invoice " + invoiceNumber));
        Map<String, AttributeValue> p = new HashMap<>();
        p.put("daysLate", n(penalty.daysLate()));
        p.put("interest", n(penalty.interest()));
        p.put("indemnity", n(penalty.indemnity()));
        p.put("missingHalfYears", AttributeValue.fromL(penalty.missingHalfYears().stream().map(Items::s).toList()));
        dynamo.updateItem(r -> r.tableName(table).key(Items.key(pk))
                .updateExpression("SET penalty = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromM(p))));
    }

    private static Receivable receivable(Map<String, AttributeValue> item) {
        Invoice invoice = document(item);
        BigDecimal zero = Money.zero();
        Dispute dispute = null;
        if (item.containsKey("dispute")) {
            Map<String, AttributeValue> d = item.get("dispute").m();
            dispute = new Dispute(LocalDate.parse(str(d, "filedOn")), str(d, "reason"),
                    d.containsKey("resolvedOn") ? LocalDate.parse(str(d, "resolvedOn")) : null);
        }
        LatePenalty penalty = null;
        if (item.containsKey("penalty")) {
            Map<String, AttributeValue> p = item.get("penalty").m();
            penalty = new LatePenalty(Items.num(p, "daysLate", 0), Money.atCents(Items.decimal(p, "interest")),
                    Money.atCents(Items.decimal(p, "indemnity")),
                    p.get("missingHalfYears").l().stream().map(AttributeValue::s).toList());
        }
        List<Payment> payments = new ArrayList<>();
        if (item.containsKey("paymentLog")) {
            for (AttributeValue logged : item.get("paymentLog").l()) {
                Map<String, AttributeValue> p = logged.m();
                payments.add(new Payment(invoice.number(), Items.decimal(p, "amount"),
                        LocalDate.parse(str(p, "receivedOn")), str(p, "bankReference")));
            }
        }
        return new Receivable(invoice, money(item, "paid", zero), money(item, "creditedExclVat", zero),
                money(item, "creditedInclVat", zero),
                item.containsKey("settledOn") ? LocalDate.parse(str(item, "settledOn")) : null, dispute, penalty,
                payments);
    }

    private static BigDecimal money(Map<String, AttributeValue> item, String name, BigDecimal fallback) {
        BigDecimal value = Items.decimal(item, name);
        return value == null ? fallback : Money.atCents(value);
    }

    private static Invoice document(Map<String, AttributeValue> item) {
        return InvoiceJson.read(str(item, "document"));
    }

    private static String write(Invoice invoice) {
        return InvoiceJson.write(invoice);
    }
}
