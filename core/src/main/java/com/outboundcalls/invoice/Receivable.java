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
 * @param payments        the payments recorded, each with its date (on invoices stored before they were listed,
 *                        fewer than {@code paid} sums: the rest is taken as paid on the last day counted)
 */
public record Receivable(Invoice invoice, BigDecimal paid, BigDecimal creditedExclVat, BigDecimal creditedInclVat,
                         LocalDate settledOn, Dispute dispute, LatePenalty penalty, java.util.List<Payment> payments) {

    public Receivable {
        payments = payments == null ? java.util.List.of() : java.util.List.copyOf(payments);
    }

    public Receivable(Invoice invoice, BigDecimal paid, BigDecimal creditedExclVat, BigDecimal creditedInclVat,
                      LocalDate settledOn, Dispute dispute, LatePenalty penalty) {
        this(invoice, paid, creditedExclVat, creditedInclVat, settledOn, dispute, penalty, java.util.List.of());
    }

    /** What was due on the due date: the total including VAT less what credit notes took off it. */
    public BigDecimal owedAtDueDate() {
        return invoice.totalInclVat().subtract(creditedInclVat);
    }

    /**
     * The late penalty through a day: interest on what stayed unpaid after the due date, each payment reducing it
     * from its own date; a payment not listed with its date counts from the last day only.
     */
    public LatePenalty penaltyThrough(LocalDate through, LegalInterestRates rates) {
        java.util.List<Payment> counted = payments.stream().filter(p -> !p.receivedOn().isAfter(through)).toList();
        BigDecimal listed = counted.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal allListed = payments.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unlisted = paid.subtract(allListed).max(BigDecimal.ZERO);
        java.util.List<LatePenalty.Reduction> reductions = new java.util.ArrayList<>();
        counted.forEach(p -> reductions.add(new LatePenalty.Reduction(p.receivedOn(), p.amount())));
        if (unlisted.signum() > 0) {
            reductions.add(new LatePenalty.Reduction(through, unlisted));
        }
        return LatePenalty.of(owedAtDueDate(), reductions, invoice.dueDate(), through, rates);
    }

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
