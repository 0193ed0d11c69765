package com.outboundcalls.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceLine;
import com.outboundcalls.invoice.Provider;
import com.outboundcalls.invoice.VatTreatment;
import com.outboundcalls.json.JsonTrees;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An invoice as its document is stored (kept ten years, never rewritten): each record's fields in its order, nulls
 * written as null, dates and months as ISO text, amounts as exact decimals, and the document's two flags
 * ({@code penaltyClaim}, {@code creditNote}) after them, as documents have always been written. Read back leniently,
 * as documents of every age are: a field a document lacks is null (false for a flag), a field it has beyond these is
 * ignored.
 */
final class InvoiceJson {

    private InvoiceJson() {
    }

    static String write(Invoice invoice) {
        ObjectNode root = JsonTrees.object();
        root.put("type", name(invoice.type()));
        root.put("number", invoice.number());
        root.put("clientId", invoice.clientId());
        root.put("period", text(invoice.period()));
        root.put("servicePeriodStart", text(invoice.servicePeriodStart()));
        root.put("servicePeriodEnd", text(invoice.servicePeriodEnd()));
        root.put("issueDate", text(invoice.issueDate()));
        root.put("dueDate", text(invoice.dueDate()));
        provider(root, "seller", invoice.seller());
        entity(root, "buyer", invoice.buyer());
        ArrayNode lines = root.putArray("lines");
        invoice.lines().forEach(line -> line(lines.addObject(), line));
        root.put("totalExclVat", invoice.totalExclVat());
        root.put("vatRate", invoice.vatRate());
        root.put("vatAmount", invoice.vatAmount());
        root.put("totalInclVat", invoice.totalInclVat());
        root.put("currency", invoice.currency());
        root.put("latePenaltyRate", invoice.latePenaltyRate());
        root.put("corrects", invoice.corrects());
        root.put("reason", invoice.reason());
        vat(root, "vat", invoice.vat());
        root.put("usageCutoff", text(invoice.usageCutoff()));
        root.put("penaltyClaim", invoice.isPenaltyClaim());
        root.put("creditNote", invoice.isCreditNote());
        return JsonTrees.write(root);
    }

    static Invoice read(String json) {
        JsonNode root;
        try {
            root = JsonTrees.readExactDecimals(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored invoice unreadable", e);
        }
        if (!root.isObject()) {
            throw new IllegalStateException("stored invoice unreadable: not a JSON object");
        }
        try {
            List<InvoiceLine> lines = new ArrayList<>();
            JsonNode array = root.get("lines");
            if (array != null && !array.isNull()) {
                if (!array.isArray()) {
                    throw new IllegalArgumentException("its lines are not an array");
                }
                array.forEach(line -> lines.add(line(line)));
            }
            return new Invoice(value(root, "type", t -> Invoice.Type.valueOf(t.textValue())), text(root, "number"),
                    text(root, "clientId"), value(root, "period", t -> YearMonth.parse(t.textValue())),
                    date(root, "servicePeriodStart"), date(root, "servicePeriodEnd"), date(root, "issueDate"),
                    date(root, "dueDate"), value(root, "seller", InvoiceJson::provider),
                    value(root, "buyer", InvoiceJson::entity), lines, decimal(root, "totalExclVat"),
                    decimal(root, "vatRate"), decimal(root, "vatAmount"), decimal(root, "totalInclVat"),
                    text(root, "currency"), decimal(root, "latePenaltyRate"), text(root, "corrects"),
                    text(root, "reason"), value(root, "vat", InvoiceJson::vat),
                    value(root, "usageCutoff", t -> Instant.parse(t.textValue())));
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored invoice unreadable: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------ writing

    private static void provider(ObjectNode parent, String field, Provider p) {
        if (p == null) {
            parent.putNull(field);
            return;
        }
        ObjectNode node = parent.putObject(field);
        entity(node, "identity", p.identity());
        node.put("legalForm", p.legalForm());
        node.put("registration", p.registration());
        node.put("iban", p.iban());
        node.put("bic", p.bic());
        node.put("email", p.email());
        node.put("vatOnDebits", p.vatOnDebits());
    }

    private static void entity(ObjectNode parent, String field, LegalEntity e) {
        if (e == null) {
            parent.putNull(field);
            return;
        }
        parent.putObject(field).put("name", e.name()).put("street", e.street()).put("postcode", e.postcode())
                .put("city", e.city()).put("countryCode", e.countryCode()).put("siren", e.siren())
                .put("vatNumber", e.vatNumber());
    }

    private static void line(ObjectNode node, InvoiceLine l) {
        node.put("kind", name(l.kind()));
        node.put("description", l.description());
        node.put("quantity", l.quantity());
        node.put("unit", l.unit());
        node.put("unitPrice", l.unitPrice());
        node.put("amount", l.amount());
        node.put("originCountry", l.originCountry());
        node.put("destinationCountry", l.destinationCountry());
        node.put("numberType", l.numberType());
        node.put("billedSeconds", l.billedSeconds());
        if (l.prorata() == null) {
            node.putNull("prorata");
        } else {
            node.putObject("prorata").put("daysUsed", l.prorata().daysUsed())
                    .put("daysInMonth", l.prorata().daysInMonth());
        }
        node.put("callsMonth", text(l.callsMonth()));
    }

    private static void vat(ObjectNode parent, String field, VatTreatment v) {
        if (v == null) {
            parent.putNull(field);
            return;
        }
        parent.putObject(field).put("category", name(v.category())).put("rate", v.rate())
                .put("exemptionReason", v.exemptionReason()).put("exemptionCode", v.exemptionCode())
                .put("mention", v.mention());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    // ------------------------------------------------------------------------------------------------ reading

    private static Provider provider(JsonNode node) {
        return new Provider(value(node, "identity", InvoiceJson::entity), text(node, "legalForm"),
                text(node, "registration"), text(node, "iban"), text(node, "bic"), text(node, "email"),
                flag(node, "vatOnDebits"));
    }

    private static LegalEntity entity(JsonNode node) {
        return new LegalEntity(text(node, "name"), text(node, "street"), text(node, "postcode"), text(node, "city"),
                text(node, "countryCode"), text(node, "siren"), text(node, "vatNumber"));
    }

    private static InvoiceLine line(JsonNode node) {
        return new InvoiceLine(value(node, "kind", t -> InvoiceLine.Kind.valueOf(t.textValue())),
                text(node, "description"), decimal(node, "quantity"), text(node, "unit"), decimal(node, "unitPrice"),
                decimal(node, "amount"), text(node, "originCountry"), text(node, "destinationCountry"),
                text(node, "numberType"), value(node, "billedSeconds", JsonNode::longValue),
                value(node, "prorata", p -> new InvoiceLine.Prorata(p.path("daysUsed").intValue(),
                        p.path("daysInMonth").intValue())),
                value(node, "callsMonth", t -> YearMonth.parse(t.textValue())));
    }

    private static VatTreatment vat(JsonNode node) {
        return new VatTreatment(value(node, "category", t -> VatTreatment.Category.valueOf(t.textValue())),
                decimal(node, "rate"), text(node, "exemptionReason"), text(node, "exemptionCode"),
                text(node, "mention"));
    }

    /** A field's value read by {@code read}; null when the field is absent or null. */
    private static <T> T value(JsonNode node, String field, Function<JsonNode, T> read) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : read.apply(value);
    }

    private static String text(JsonNode node, String field) {
        return value(node, field, t -> {
            if (!t.isValueNode() || t.isBinary()) {
                throw new IllegalArgumentException(field + " is not text");
            }
            return t.asText();
        });
    }

    private static LocalDate date(JsonNode node, String field) {
        return value(node, field, t -> LocalDate.parse(t.textValue()));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return value(node, field, t -> {
            if (t.isNumber()) {
                return t.decimalValue();
            }
            if (t.isTextual()) {
                return new BigDecimal(t.textValue());
            }
            throw new IllegalArgumentException(field + " is not a number");
        });
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.asBoolean(false);
    }
}
