package com.outboundcalls.invoice;

import com.outboundcalls.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a late payer owes on top of the invoice (Code de commerce L441-10): interest at three times the legal
 * rate, counted day by day at the rate of each day's half-year, on the total including VAT, over 365 days a
 * year and rounded once; and a fixed 40 EUR recovery indemnity, once per invoice.
 *
 * @param daysLate          days after the due date up to the day counted through (or payment)
 * @param interest          the interest, rounded to the cent; partial when some half-years have no rate
 * @param indemnity         40 EUR when at least one day late, else zero
 * @param missingHalfYears  half-years with late days but no configured rate: an alarm, never read as zero
 */
public record LatePenalty(long daysLate, BigDecimal interest, BigDecimal indemnity, List<String> missingHalfYears) {

    public static final BigDecimal RECOVERY_INDEMNITY = new BigDecimal("40.00");
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    public LatePenalty {
        missingHalfYears = List.copyOf(missingHalfYears);
    }

    /**
     * @param through the last day counted: today for an unpaid invoice, the payment date for a paid one
     */
    public static LatePenalty of(BigDecimal totalInclVat, LocalDate dueDate, LocalDate through,
                                 LegalInterestRates rates) {
        if (!through.isAfter(dueDate)) {
            return new LatePenalty(0, Money.zero(), Money.zero(), List.of());
        }
        BigDecimal percentDays = BigDecimal.ZERO;
        List<String> missing = new ArrayList<>();
        LocalDate day = dueDate.plusDays(1);
        while (!day.isAfter(through)) {
            LocalDate halfYearEnd = day.getMonthValue() <= 6 ? LocalDate.of(day.getYear(), 6, 30)
                    : LocalDate.of(day.getYear(), 12, 31);
            LocalDate segmentEnd = halfYearEnd.isBefore(through) ? halfYearEnd : through;
            long days = ChronoUnit.DAYS.between(day, segmentEnd) + 1;
            var percent = rates.percentOn(day);
            if (percent.isPresent()) {
                percentDays = percentDays.add(percent.get().multiply(THREE).multiply(BigDecimal.valueOf(days)));
            } else {
                missing.add(LegalInterestRates.halfYear(day));
            }
            day = segmentEnd.plusDays(1);
        }
        return new LatePenalty(ChronoUnit.DAYS.between(dueDate, through), Money.interest(totalInclVat, percentDays),
                RECOVERY_INDEMNITY, missing);
    }

    public BigDecimal total() {
        return interest.add(indemnity);
    }

    public boolean complete() {
        return missingHalfYears.isEmpty();
    }
}
