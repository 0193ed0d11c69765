package com.outboundcalls.invoice;

import com.outboundcalls.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.time.YearMonth;
import com.outboundcalls.rate.RatedCall;

/**
 * Corrections of an issued invoice. The invoice itself never changes: a credit note, numbered in its own
 * sequence, refers to it and carries either all of what remains to credit or a stated amount.
 */
public final class CreditNotes {

    /**
     * @param reference    the requester's key for this correction: asking twice with it issues one credit note
     * @param amountExclVat amount to credit excluding VAT, or null to credit all that remains
     */
    public record Request(String reference, String reason, BigDecimal amountExclVat, String line) {
        public Request(String reference, String reason, BigDecimal amountExclVat) {
            this(reference, reason, amountExclVat, null);
        }
    }

    /**
     * The request crediting one disputed call billed on this invoice: its amount rounded to the cent, on a line
     * naming the call and the invoice line that billed it, once per call (its ContactId is the reference).
     */
    public static Request forCall(Invoice invoice, RatedCall call, String reason) {
        return forCall(invoice, call, reason, null);
    }

    /**
     * @param section for a sub-account's call billed in its section of the invoice, the section's name (the
     *                caller has checked the sub-account is invoiced on this invoice's account); else null
     */
    public static Request forCall(Invoice invoice, RatedCall call, String reason, String section) {
        if (section == null && !call.clientId().equals(invoice.clientId())) {
            throw new IllegalArgumentException("call " + call.connectContactId() + " is not " + invoice.clientId()
                    + "'s, nor one of a sub-account invoiced on its invoice");
        }
        if (call.status() != RatedCall.Status.RATED || call.amount() == null || call.billedSeconds() == 0) {
            throw new IllegalArgumentException("call " + call.connectContactId() + " was not billed");
        }
        if (call.recordedAt() != null && !call.recordedAt().isBefore(invoice.usageCutoffOrDefault())) {
            throw new IllegalArgumentException("call " + call.connectContactId() + " was rated after "
                    + invoice.number() + " was cut: it is billed on a later invoice");
        }
        YearMonth month = call.billingMonth().equals(invoice.period()) ? null : call.billingMonth();
        InvoiceLine line = invoice.lines().stream().filter(l -> l.kind() == InvoiceLine.Kind.USAGE
                        && call.originCountry().equals(l.originCountry())
                        && call.destinationCountry().equals(l.destinationCountry())
                        && call.numberType().equals(l.numberType())
                        && call.pricePerMinute().compareTo(l.unitPrice()) == 0
                        && java.util.Objects.equals(month, l.callsMonth())
                        && (section == null ? !l.description().startsWith("Sous-compte ")
                        : l.description().startsWith("Sous-compte " + section + " : ")))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("call " + call.connectContactId()
                        + " is not billed on " + invoice.number()));
        BigDecimal amount = Money.toCents(call.amount());
        if (amount.signum() == 0) {
            throw new IllegalArgumentException("call " + call.connectContactId() + " is worth "
                    + call.amount().toPlainString() + " EUR: less than a cent to credit");
        }
        String at = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(
                (call.answeredAt() != null ? call.answeredAt() : call.initiatedAt()).atZone(
                        com.outboundcalls.time.Zones.BILLING));
        return new Request("call-" + call.connectContactId(), reason, amount, "Avoir sur l'appel "
                + call.connectContactId() + " du " + at + " (" + call.billedSeconds() + " s à "
                + call.pricePerMinute().toPlainString() + " EUR HT la minute), facturé sur la ligne « "
                + line.description() + " » de la facture " + invoice.number() + " : " + reason.strip());
    }

    private CreditNotes() {
    }

    /** Why this request cannot be honoured against this invoice, given what was credited already. */
    public static Optional<String> refusal(Invoice invoice, BigDecimal creditedExclVat, Request request) {
        if (invoice.isCreditNote()) {
            return Optional.of(invoice.number() + " is a credit note: only invoices are corrected");
        }
        if (request.reference() == null || !request.reference().matches("[A-Za-z0-9._:/-]{1,64}")) {
            return Optional.of("a credit note needs a reference of 1 to 64 letters, digits or . _ : / -");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            return Optional.of("a credit note needs a reason");
        }
        BigDecimal remaining = invoice.totalExclVat().subtract(creditedExclVat);
        if (remaining.signum() <= 0) {
            return Optional.of(invoice.number() + " is fully credited already");
        }
        if (request.amountExclVat() != null) {
            if (request.amountExclVat().signum() <= 0 || request.amountExclVat().scale() > 2) {
                return Optional.of("amount must be positive, in euros and cents");
            }
            if (request.amountExclVat().compareTo(remaining) > 0) {
                return Optional.of("amount " + request.amountExclVat().toPlainString() + " exceeds the "
                        + remaining.toPlainString() + " EUR excluding VAT that remain to credit on " + invoice.number());
            }
        }
        return Optional.empty();
    }

    /** The draft credit note: the invoice's own lines when it cancels an invoice nothing was credited on yet. */
    public static Invoice draft(Invoice invoice, BigDecimal creditedExclVat, Request request, LocalDate issueDate) {
        if (creditedExclVat.signum() != 0) {
            throw new IllegalArgumentException("a further credit note needs the VAT credited already");
        }
        return draft(invoice, creditedExclVat, Money.zero(), request, issueDate);
    }

    /**
     * The draft credit note. Its VAT is its amount x the invoice's rate, rounded once, but never more than the
     * invoice's VAT not credited yet; the credit note that credits what remains credits the VAT that remains, so
     * however an invoice is credited, its credit notes' VAT adds up to exactly the VAT it charged.
     *
     * @param creditedVat the VAT of the credit notes issued against it already
     */
    public static Invoice draft(Invoice invoice, BigDecimal creditedExclVat, BigDecimal creditedVat, Request request,
                                LocalDate issueDate) {
        refusal(invoice, creditedExclVat, request).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        List<InvoiceLine> lines;
        BigDecimal remaining = invoice.totalExclVat().subtract(creditedExclVat);
        boolean cancelsAll = creditedExclVat.signum() == 0
                && (request.amountExclVat() == null || request.amountExclVat().compareTo(remaining) == 0);
        if (cancelsAll) {
            lines = invoice.lines();
        } else {
            BigDecimal amount = request.amountExclVat() == null ? remaining : request.amountExclVat();
            lines = List.of(InvoiceLine.credit(request.line() != null ? request.line()
                    : "Avoir sur la facture " + invoice.number() + " : " + request.reason().strip(),
                    Money.atCents(amount)));
        }
        // A credit note belongs to the month it is issued in (its journal, its declarations), and names the
        // service period of the invoice it corrects.
        Invoice draft = Invoice.draft(Invoice.Type.CREDIT_NOTE, invoice.clientId(), java.time.YearMonth.from(issueDate),
                invoice.servicePeriodStart(), invoice.servicePeriodEnd(), issueDate, issueDate, invoice.seller(),
                invoice.buyer(), lines, invoice.vatTreatment(), null, invoice.number(), request.reason().strip());
        BigDecimal vatLeft = invoice.vatAmount().subtract(creditedVat);
        boolean creditsTheRest = draft.totalExclVat().compareTo(remaining) == 0;
        if (creditsTheRest || draft.vatAmount().compareTo(vatLeft) > 0) {
            return draft.withVatAmount(vatLeft.max(Money.zero()));
        }
        return draft;
    }
}
