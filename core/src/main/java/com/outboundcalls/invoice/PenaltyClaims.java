package com.outboundcalls.invoice;

import com.outboundcalls.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The claim of the late penalties and the 40 EUR recovery indemnity once an invoice paid late is settled: a
 * document numbered in its own sequence ({@code PEN-YYYY-NNNNNN}) that the client pays as it pays an invoice,
 * outside the scope of VAT, one per invoice.
 */
public final class PenaltyClaims {

    /** Days the client has to pay a claim. */
    public static final int PAYMENT_DAYS = 30;

    private PenaltyClaims() {
    }

    /** The claim of a settled invoice's penalty, or empty when nothing is owed on top of it. */
    public static Optional<Invoice> draft(Receivable settled, LocalDate issueDate) {
        LatePenalty penalty = settled.penalty();
        Invoice invoice = settled.invoice();
        if (invoice.type() != Invoice.Type.INVOICE || settled.settledOn() == null || penalty == null
                || penalty.total().signum() <= 0) {
            return Optional.empty();
        }
        List<InvoiceLine> lines = new ArrayList<>();
        if (penalty.interest().signum() > 0) {
            lines.add(InvoiceLine.penalty("Pénalités de retard sur la facture " + invoice.number() + " échue le "
                    + invoice.dueDate() + " : " + penalty.daysLate() + " jours au taux annuel de "
                    + (invoice.latePenaltyRate() == null ? "trois fois le taux d'intérêt légal"
                    : InvoiceMentions.percent(invoice.latePenaltyRate()) + " %"), penalty.interest()));
        }
        lines.add(InvoiceLine.penalty("Indemnité forfaitaire pour frais de recouvrement (article D441-5 du Code de "
                + "commerce)", Money.atCents(penalty.indemnity())));
        return Optional.of(Invoice.draft(Invoice.Type.PENALTY_CLAIM, invoice.clientId(), YearMonth.from(issueDate),
                invoice.servicePeriodStart(), invoice.servicePeriodEnd(), issueDate,
                issueDate.plusDays(PAYMENT_DAYS), invoice.seller(), invoice.buyer(), lines, VatTreatment.penalties(),
                null, invoice.number(), "paiement en retard de la facture " + invoice.number()));
    }
}
