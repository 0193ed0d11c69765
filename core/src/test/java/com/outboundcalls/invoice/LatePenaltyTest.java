package com.outboundcalls.invoice;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatePenaltyTest {

    private static final LegalInterestRates RATES = LegalInterestRates.parse("2025-H2=2.76, 2026-H1=2.62");
    private static final BigDecimal TOTAL = new BigDecimal("1200.00");

    @Test
    void theRateInForceOnTheDueDateCountsForTheWholeDelay() {
        // Terms art. 6.3. Due 22 December 2025 (2025-H2: 2.76 %), paid 11 January 2026: 20 days at 3 x 2.76 %, the
        // January days included. 1200 x 20 x 8.28 / 36500 = 5.4444 -> 5.44 (not 5.29, day by day per half-year).
        LatePenalty penalty = LatePenalty.of(TOTAL, LocalDate.of(2025, 12, 22), LocalDate.of(2026, 1, 11), RATES);
        assertEquals(20, penalty.daysLate());
        assertEquals(new BigDecimal("5.44"), penalty.interest());
        assertEquals(new BigDecimal("40.00"), penalty.indemnity());
        assertEquals(new BigDecimal("45.44"), penalty.total());
        assertTrue(penalty.complete());
    }

    @Test
    void aFullHalfYearAtTheDueDatesRate() {
        // Due 31 December 2025 (2.76 %), through 30 June 2026: 181 days x 8.28 % on 1,200: 1200 x 181 x 8.28 / 36500
        // = 49.2723 -> 49.27.
        LatePenalty penalty = LatePenalty.of(TOTAL, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 6, 30), RATES);
        assertEquals(181, penalty.daysLate());
        assertEquals(new BigDecimal("49.27"), penalty.interest());
    }

    @Test
    void aPartPaymentReducesTheInterestFromItsOwnDateOnly() {
        // Due 22 December 2025; 700 paid on 1 January 2026, the remaining 500 on 11 January.
        // 1200 x 10 days (23 Dec - 1 Jan) + 500 x 10 days (2 - 11 Jan) = 17,000 amount-days;
        // x 8.28 / 36500 = 3.8564 -> 3.86 (not 1200 x 20 days, nor 500 x 20 days).
        LatePenalty penalty = LatePenalty.of(TOTAL, List.of(
                        new LatePenalty.Reduction(LocalDate.of(2026, 1, 1), new BigDecimal("700.00")),
                        new LatePenalty.Reduction(LocalDate.of(2026, 1, 11), new BigDecimal("500.00"))),
                LocalDate.of(2025, 12, 22), LocalDate.of(2026, 1, 11), RATES);
        assertEquals(new BigDecimal("3.86"), penalty.interest());
        // A payment before the due date reduces it from the start: 1000 on time, 200 unpaid 20 days = 0.91 (0.9074).
        LatePenalty mostlyOnTime = LatePenalty.of(TOTAL, List.of(
                        new LatePenalty.Reduction(LocalDate.of(2025, 12, 20), new BigDecimal("1000.00"))),
                LocalDate.of(2025, 12, 22), LocalDate.of(2026, 1, 11), RATES);
        assertEquals(new BigDecimal("0.91"), mostlyOnTime.interest());
    }

    @Test
    void nothingIsDueOnOrBeforeTheDueDate() {
        LatePenalty onTime = LatePenalty.of(TOTAL, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), RATES);
        assertEquals(0, onTime.daysLate());
        assertEquals(BigDecimal.ZERO.setScale(2), onTime.total());
    }

    @Test
    void aDueDateInAHalfYearWithoutARateIsReportedNotCountedAsZero() {
        LatePenalty penalty = LatePenalty.of(TOTAL, LocalDate.of(2026, 7, 2), LocalDate.of(2026, 7, 9), RATES);
        assertFalse(penalty.complete());
        assertEquals(List.of("2026-H2"), penalty.missingHalfYears());
        assertEquals(7, penalty.daysLate());
        assertEquals(new BigDecimal("40.00"), penalty.indemnity());
    }

    @Test
    void ratesAreReadFromConfigurationAndBadEntriesNamed() {
        assertEquals(new BigDecimal("2.76"), RATES.percentOn(LocalDate.of(2025, 7, 1)).orElseThrow());
        assertEquals(new BigDecimal("2.62"), RATES.percentOn(LocalDate.of(2026, 6, 30)).orElseThrow());
        assertTrue(RATES.percentOn(LocalDate.of(2026, 7, 1)).isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LegalInterestRates.parse("2026-S1=2.62"));
        assertTrue(e.getMessage().contains("2026-S1=2.62"));
    }
}
