package com.outboundcalls.invoice;

import com.outboundcalls.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An issued document and where its payment stands. The document is immutable; payments, credit notes,
 * disputes and the late penalty computed by the daily dunning accumulate beside it.
 *
 * @param paid            sum of the payments recorded
 * @param creditedExclVat sum of the credit notes issued against it, excluding VAT
 * @param creditedInclVat the same, including VAT
 * @param settledOn       the day payments and credits first covered the total, or null
 * @param penalty         the late penalty as last computed, or null
 */
public record Receivable(Invoice invoice, BigDecimal paid, BigDecimal creditedExclVat, BigDecimal creditedInclVat,
                         LocalDate settledOn, Dispute dispute, LatePenalty penalty) {

    public enum Status { ISSUED, PARTIALLY_PAID, OVERDUE, DISPUTED, PAID, CREDITED, CREDIT_NOTE }

    public static Receivable issued(Invoice invoice) {
        return new Receivable(invoice, Money.zero(), Money.zero(),
                Money.zero(), null, null, null);
    }

    /** What the client still owes on the invoice itself (penalties apart). */
    public BigDecimal outstanding() {
        if (invoice.isCreditNote()) {
            return Money.zero();
        }
        return invoice.totalInclVat().subtract(paid).subtract(creditedInclVat);
    }

    public boolean disputed() {
        return dispute != null && dispute.open();
    }

    public Status status(LocalDate today) {
        if (invoice.isCreditNote()) {
            return Status.CREDIT_NOTE;
        }
        if (outstanding().signum() <= 0) {
            return creditedInclVat.compareTo(invoice.totalInclVat()) >= 0 ? Status.CREDITED : Status.PAID;
        }
        if (disputed()) {
            return Status.DISPUTED;
        }
        if (today.isAfter(invoice.dueDate())) {
            return Status.OVERDUE;
        }
        return paid.signum() > 0 ? Status.PARTIALLY_PAID : Status.ISSUED;
    }
}
