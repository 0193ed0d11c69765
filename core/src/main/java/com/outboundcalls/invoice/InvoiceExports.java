package com.outboundcalls.invoice;

import com.outboundcalls.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.files.SafeCsv;
import com.outboundcalls.rate.RatedCall;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/** The files finance pulls, under {@code exports/invoices/{YYYY-MM}/}. */
public final class InvoiceExports {

    public static final String USAGE_HEADER = "connect_contact_id,campaign_id,contact_id,origin_country,"
            + "destination_country,number_type,answered_at,disconnected_at,billed_seconds,price_per_minute,amount,"
            + "price_list_version,calls_month";

    private static final DateTimeFormatter UTC_MILLIS = new DateTimeFormatterBuilder().appendInstant(3)
            .toFormatter(Locale.ROOT);

    private InvoiceExports() {
    }

    public static String prefix(YearMonth period) {
        return "exports/invoices/" + period + "/";
    }

    public static String jsonKey(Invoice invoice) {
        return documentKey(invoice, ".json");
    }

    /** A document's file: {@code {number}_{clientId}} then the suffix, in its billing month's folder. */
    public static String documentKey(Invoice invoice, String suffix) {
        return prefix(invoice.period()) + invoice.number() + "_" + invoice.clientId() + suffix;
    }

    public static String journalKey(YearMonth period) {
        return prefix(period) + "journal-" + period + ".csv";
    }

    /**
     * The month's accounting entries (FEC). Handed to the tax office, it is named {@code {SIREN}FEC{YYYYMMDD}.txt}
     * after the closing date of the financial year.
     */
    public static String fecKey(YearMonth month) {
        return prefix(month) + "fec-" + month + ".txt";
    }

    /** The month's European services declaration: the reverse-charge sales per taker. */
    public static String desKey(YearMonth period) {
        return prefix(period) + "des-" + period + ".csv";
    }

    public static String usageKey(String clientId, YearMonth period) {
        return prefix(period) + clientId + "_usage.csv";
    }

    /** The document as JSON, amounts as decimal strings. */
    public static byte[] json(Invoice invoice) {
        ObjectNode root = JsonTrees.object();
        root.put("number", invoice.number());
        root.put("type", invoice.type().name().toLowerCase(Locale.ROOT));
        root.put("client_id", invoice.clientId());
        root.put("period", invoice.period().toString());
        root.put("service_period_start", invoice.servicePeriodStart().toString());
        root.put("service_period_end", invoice.servicePeriodEnd().toString());
        root.put("issue_date", invoice.issueDate().toString());
        root.put("due_date", invoice.dueDate().toString());
        if (invoice.corrects() != null) {
            root.put("corrects", invoice.corrects());
            root.put("reason", invoice.reason());
        }
        root.put("currency", invoice.currency());
        party(root.putObject("seller"), invoice.seller().identity());
        party(root.putObject("buyer"), invoice.buyer());
        ArrayNode lines = root.putArray("lines");
        for (InvoiceLine line : invoice.lines()) {
            ObjectNode l = lines.addObject();
            l.put("kind", line.kind().name().toLowerCase(Locale.ROOT));
            l.put("description", line.description());
            l.put("quantity", line.quantity().toPlainString());
            l.put("unit", line.unit());
            l.put("unit_price", line.unitPrice().toPlainString());
            l.put("amount", line.amount().toPlainString());
            if (line.billedSeconds() != null) {
                l.put("billed_seconds", line.billedSeconds());
            }
            if (line.prorata() != null) {
                l.put("prorata", line.prorata().daysUsed() + "/" + line.prorata().daysInMonth());
            }
            if (line.callsMonth() != null) {
                l.put("calls_month", line.callsMonth().toString());
            }
        }
        root.put("usage_rule", InvoiceMentions.USAGE_RULE);
        root.put("total_excl_vat", invoice.totalExclVat().toPlainString());
        root.put("vat_rate", invoice.vatRate().toPlainString());
        root.put("vat_amount", invoice.vatAmount().toPlainString());
        ArrayNode breakdown = root.putArray("vat_breakdown");
        for (Invoice.VatBreakdown row : invoice.vatBreakdown()) {
            ObjectNode b = breakdown.addObject();
            b.put("category", row.category().name());
            b.put("rate", row.rate().toPlainString());
            b.put("base", row.base().toPlainString());
            b.put("amount", row.amount().toPlainString());
            b.put("exemption_reason", row.exemptionReason());
            b.put("exemption_reason_code", row.exemptionCode());
        }
        ArrayNode mentions = root.putArray("mentions");
        InvoiceMentions.taxes(invoice).forEach(mentions::add);
        root.put("total_incl_vat", invoice.totalInclVat().toPlainString());
        if (!invoice.isCreditNote()) {
            root.put("late_penalty_rate_percent", invoice.latePenaltyRate() == null ? null
                    : invoice.latePenaltyRate().toPlainString());
            root.put("recovery_indemnity", LatePenalty.RECOVERY_INDEMNITY.toPlainString());
        }
        return JsonTrees.writePretty(root);
    }

    private static void party(ObjectNode node, LegalEntity entity) {
        node.put("name", entity.name());
        node.put("address", entity.addressLine());
        node.put("country", entity.countryCode());
        node.put("siren", entity.siren());
        node.put("vat_number", entity.vatNumber());
    }

    /** Accumulates the usage detail CSV, one row per rated call, UTF-8. */
    public static final class UsageCsv {
        private final StringBuilder out = new StringBuilder(USAGE_HEADER).append('\n');

        public void add(RatedCall call) {
            out.append(SafeCsv.quoted(call.connectContactId(), ',')).append(',')
                    .append(SafeCsv.quoted(call.campaignId(), ',')).append(',')
                    .append(SafeCsv.quoted(call.contactId(), ',')).append(',')
                    .append(call.originCountry()).append(',')
                    .append(call.destinationCountry()).append(',')
                    .append(call.numberType()).append(',')
                    .append(timestamp(call.answeredAt())).append(',')
                    .append(timestamp(call.disconnectedAt())).append(',')
                    .append(call.billedSeconds()).append(',')
                    .append(decimal(call.pricePerMinute())).append(',')
                    .append(decimal(call.amount())).append(',')
                    .append(call.priceListVersion() == null ? "" : SafeCsv.quoted(call.priceListVersion(), ',')).append(',')
                    .append(call.billingMonth())
                    .append('\n');
        }

        public byte[] bytes() {
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    static String timestamp(Instant instant) {
        return instant == null ? "" : UTC_MILLIS.format(instant);
    }

    private static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
