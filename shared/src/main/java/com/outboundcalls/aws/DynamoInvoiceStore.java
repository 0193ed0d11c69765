package com.outboundcalls.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.outboundcalls.aws.Items.n;
import static com.outboundcalls.aws.Items.s;
import static com.outboundcalls.aws.Items.values;

/**
 * Invoices ({@code INVOICE#clientId#YYYY-MM}) and the yearly number sequence ({@code SEQUENCE#YYYY}),
 * written together in one transaction: a number is never burnt, never given twice.
 */
public final class DynamoInvoiceStore implements InvoiceStore {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int MAX_ATTEMPTS = 20;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoInvoiceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static String invoicePk(String clientId, YearMonth period) {
        return "INVOICE#" + clientId + "#" + period;
    }

    @Override
    public Optional<Invoice> find(String clientId, YearMonth period) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key(invoicePk(clientId, period))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Items.str(item, "document"), Invoice.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored invoice unreadable", e);
        }
    }

    @Override
    public Invoice issue(Invoice draft) {
        int year = draft.issueDate().getYear();
        String sequencePk = "SEQUENCE#" + year;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> seq = dynamo.getItem(r -> r.tableName(table).key(Items.key(sequencePk))
                    .consistentRead(true)).item();
            long last = seq == null ? 0 : Items.num(seq, "last", 0);
            Invoice numbered = draft.withNumber(String.format("%d-%06d", year, last + 1));
            Map<String, AttributeValue> item = Items.key(invoicePk(draft.clientId(), draft.period()));
            item.put("number", s(numbered.number()));
            item.put("period", s(draft.period().toString()));
            item.put("clientId", s(draft.clientId()));
            item.put("totalInclVat", s(numbered.totalInclVat().toPlainString()));
            item.put("document", s(write(numbered)));
            item.put("expiresAt", n(LocalDate.of(year + 11, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC)));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                                .conditionExpression("attribute_not_exists(pk)").build()).build(),
                        TransactWriteItem.builder().update(Update.builder().tableName(table)
                                .key(Items.key(sequencePk))
                                .updateExpression("SET #last = :next")
                                .conditionExpression(last == 0 ? "attribute_not_exists(#last)" : "#last = :prev")
                                .expressionAttributeNames(Map.of("#last", "last"))
                                .expressionAttributeValues(last == 0 ? values(":next", n(last + 1))
                                        : values(":next", n(last + 1), ":prev", n(last)))
                                .build()).build()));
                return numbered;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                    return find(draft.clientId(), draft.period()).orElseThrow();
                }
                // Another invoice took this number first: read the sequence again.
            }
        }
        throw new IllegalStateException("could not allocate an invoice number after " + MAX_ATTEMPTS + " attempts");
    }

    private static String write(Invoice invoice) {
        try {
            return JSON.writeValueAsString(invoice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
