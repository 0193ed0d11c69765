package com.outboundcalls.invoice;

import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * An issued invoice or credit note. Never edited once numbered: corrections are new documents that refer to
 * the one they correct.
 *
 * @param period         the billing month the document belongs to (a credit note: the month it is issued in)
 * @param servicePeriod  first and last day of service billed
 * @param seller         the provider's identity as it stood on the issue date
 * @param buyer          the client's legal identity as it stood on the issue date
 * @param latePenaltyRate annual late-penalty rate printed on the invoice (three times the legal interest rate of
 *                       the due date's half-year, the one the penalty uses), or null when not yet published
 * @param corrects       for a credit note, the number of the invoice it corrects; for a penalty claim, the invoice
 *                       paid late
 * @param reason         for a credit note, why it was issued
 * @param vat            how VAT applies (category, rate, exemption reason); null on documents stored before it
 *                       was recorded, which all carried the standard rate ({@link #vatTreatment()})
 * @param usageCutoff    an invoice bills the calls whose rating was recorded before this instant; those recorded
 *                       later go on the next invoice. Null on credit notes and on invoices stored before it was
 *                       kept ({@link #usageCutoffOrDefault()})
 */
public record Invoice(Type type, String number, String clientId, YearMonth period, LocalDate servicePeriodStart,
                      LocalDate servicePeriodEnd, LocalDate issueDate, LocalDate dueDate, Provider seller,
                      LegalEntity buyer, List<InvoiceLine> lines, BigDecimal totalExclVat, BigDecimal vatRate,
                      BigDecimal vatAmount, BigDecimal totalInclVat, String currency, BigDecimal latePenaltyRate,
                      String corrects, String reason, VatTreatment vat, java.time.Instant usageCutoff) {

    /**
     * Invoices, credit notes and payments are kept through the tenth year after the year they were issued or
     * received in (ten years of accounting records).
     */
    public static final int YEARS_KEPT_AFTER_THEIR_YEAR = 10;

    /** PENALTY_CLAIM: the late penalties and recovery indemnity of a settled invoice, claimed in a document of its own. */
    public enum Type { INVOICE, CREDIT_NOTE, PENALTY_CLAIM }

    public Invoice {
        lines = List.copyOf(lines);
    }

    /**
     * A document not numbered yet, its totals computed from its lines: total excluding VAT is the sum of
     * the lines; VAT is that total x the treatment's rate, rounded once to the cent.
     */
    public static Invoice draft(Type type, String clientId, YearMonth period, LocalDate servicePeriodStart,
                                LocalDate servicePeriodEnd, LocalDate issueDate, LocalDate dueDate, Provider seller,
                                LegalEntity buyer, List<InvoiceLine> lines, VatTreatment vat,
                                BigDecimal latePenaltyRate, String corrects, String reason) {
        BigDecimal exclVat = Money.atCents(lines.stream().map(InvoiceLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal vatAmount = Money.toCents(exclVat.multiply(vat.rate()));
        return new Invoice(type, null, clientId, period, servicePeriodStart, servicePeriodEnd, issueDate, dueDate,
                seller, buyer, lines, exclVat, vat.rate(), vatAmount, exclVat.add(vatAmount), Money.CURRENCY,
                latePenaltyRate, corrects, reason, vat, null);
    }

    /** How VAT applies to this document. */
    public VatTreatment vatTreatment() {
        return vat != null ? vat : VatTreatment.standard(vatRate);
    }

    /** One row of the VAT breakdown: a category and rate, the base it applies to and the VAT it gives. */
    public record VatBreakdown(VatTreatment.Category category, BigDecimal rate, BigDecimal base, BigDecimal amount,
                               String exemptionReason, String exemptionCode) {
    }

    /** The VAT breakdown (EN 16931 BG-23): one row, as every line of a document is supplied to one taker. */
    public List<VatBreakdown> vatBreakdown() {
        VatTreatment t = vatTreatment();
        return List.of(new VatBreakdown(t.category(), t.rate(), totalExclVat, vatAmount, t.exemptionReason(),
                t.exemptionCode()));
    }

    public Invoice withNumber(String allocated) {
        return new Invoice(type, allocated, clientId, period, servicePeriodStart, servicePeriodEnd, issueDate,
                dueDate, seller, buyer, lines, totalExclVat, vatRate, vatAmount, totalInclVat, currency,
                latePenaltyRate, corrects, reason, vat, usageCutoff);
    }

    /** The same draft, billing the calls whose rating was recorded before this instant. */
    public Invoice withUsageCutoff(java.time.Instant cutoff) {
        return new Invoice(type, number, clientId, period, servicePeriodStart, servicePeriodEnd, issueDate, dueDate,
                seller, buyer, lines, totalExclVat, vatRate, vatAmount, totalInclVat, currency, latePenaltyRate,
                corrects, reason, vat, cutoff);
    }

    /**
     * The usage cutoff; for an invoice stored before it was kept, the end of its issue day in Paris (its run had
     * billed every call recorded by then, and a later one goes on the next invoice, never twice).
     */
    public java.time.Instant usageCutoffOrDefault() {
        return usageCutoff != null ? usageCutoff
                : issueDate.plusDays(1).atStartOfDay(com.outboundcalls.time.Zones.BILLING).toInstant();
    }

    /** The same draft with its VAT set to an amount already at the cent (a credit note's VAT left to credit). */
    Invoice withVatAmount(BigDecimal amount) {
        BigDecimal vatAtCents = Money.atCents(amount);
        return new Invoice(type, number, clientId, period, servicePeriodStart, servicePeriodEnd, issueDate, dueDate,
                seller, buyer, lines, totalExclVat, vatRate, vatAtCents, totalExclVat.add(vatAtCents), currency,
                latePenaltyRate, corrects, reason, vat, usageCutoff);
    }

    public boolean isPenaltyClaim() {
        return type == Type.PENALTY_CLAIM;
    }

    public boolean isCreditNote() {
        return type == Type.CREDIT_NOTE;
    }
}
