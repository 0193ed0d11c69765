package com.outboundcalls.invoice;

import com.outboundcalls.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a late payer owes on top of the invoice (Code de commerce L441-10, terms art. 6.3): interest at three
 * times the legal interest rate in force on the due date, for the whole delay, on what stays unpaid of the total
 * including VAT (a part payment reduces it from its own date only), over 365 days a year and rounded once; and a
 * fixed 40 EUR recovery indemnity, once per invoice.
 *
 * @param daysLate          days after the due date up to the day counted through (or payment)
 * @param interest          the interest, rounded to the cent; zero and incomplete when the due date's half-year
 *                          has no rate
 * @param indemnity         40 EUR when at least one day late, else zero
 * @param missingHalfYears  the due date's half-year when it has no configured rate: an alarm, never read as zero
 */
public record LatePenalty(long daysLate, BigDecimal interest, BigDecimal indemnity, List<String> missingHalfYears) {

    public static final BigDecimal RECOVERY_INDEMNITY = new BigDecimal("40.00");
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    public LatePenalty {
        missingHalfYears = List.copyOf(missingHalfYears);
    }

    /** A payment (or other reduction) of what is owed, from its day on. */
    public record Reduction(LocalDate on, BigDecimal amount) {
    }

    /** The penalty on an amount left wholly unpaid through {@code through}. */
    public static LatePenalty of(BigDecimal owed, LocalDate dueDate, LocalDate through, LegalInterestRates rates) {
        return of(owed, List.of(), dueDate, through, rates);
    }

    /**
     * @param owedAtDueDate what was due on the due date
     * @param reductions    payments with their dates: a payment on day d stops the interest on its amount after d
     * @param through       the last day counted: today for an unpaid invoice, the payment date for a paid one
     */
    public static LatePenalty of(BigDecimal owedAtDueDate, List<Reduction> reductions, LocalDate dueDate,
                                 LocalDate through, LegalInterestRates rates) {
        if (!through.isAfter(dueDate)) {
            return new LatePenalty(0, Money.zero(), Money.zero(), List.of());
        }
        var percent = rates.percentOn(dueDate);
        if (percent.isEmpty()) {
            return new LatePenalty(ChronoUnit.DAYS.between(dueDate, through), Money.zero(), RECOVERY_INDEMNITY,
                    List.of(LegalInterestRates.halfYear(dueDate)));
        }
        // Sum of (amount unpaid x days) over the delay: each day after the due date through `through` counts the
        // amount still unpaid at its start, a payment counting on its own day.
        List<Reduction> sorted = new ArrayList<>(reductions);
        sorted.sort(java.util.Comparator.comparing(Reduction::on));
        BigDecimal unpaid = owedAtDueDate;
        BigDecimal amountDays = BigDecimal.ZERO;
        LocalDate from = dueDate;
        for (Reduction r : sorted) {
            if (!r.on().isAfter(dueDate)) {
                unpaid = unpaid.subtract(r.amount());
                continue;
            }
            if (r.on().isAfter(through)) {
                break;
            }
            amountDays = amountDays.add(unpaid.max(BigDecimal.ZERO)
                    .multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, r.on()))));
            unpaid = unpaid.subtract(r.amount());
            from = r.on();
        }
        amountDays = amountDays.add(unpaid.max(BigDecimal.ZERO)
                .multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, through))));
        return new LatePenalty(ChronoUnit.DAYS.between(dueDate, through),
                Money.interest(amountDays, percent.get().multiply(THREE)), RECOVERY_INDEMNITY, List.of());
    }

    public BigDecimal total() {
        return interest.add(indemnity);
    }

    public boolean complete() {
        return missingHalfYears.isEmpty();
    }
}
