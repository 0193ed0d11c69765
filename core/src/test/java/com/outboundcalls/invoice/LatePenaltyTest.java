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
    void eachLateDayCountsAtTheRateOfItsOwnHalfYear() {
        // Due 22 December 2025, counted through 11 January 2026: 9 days at 3 x 2.76 % (23-31 Dec),
        // 11 days at 3 x 2.62 % (1-11 Jan). 1200 x (9 x 8.28 + 11 x 7.86) / 36500 = 1200 x 160.98 / 36500
        // = 5.2925 -> 5.29.
        LatePenalty penalty = LatePenalty.of(TOTAL, LocalDate.of(2025, 12, 22), LocalDate.of(2026, 1, 11), RATES);
        assertEquals(20, penalty.daysLate());
        assertEquals(new BigDecimal("5.29"), penalty.interest());
        assertEquals(new BigDecimal("40.00"), penalty.indemnity());
        assertEquals(new BigDecimal("45.29"), penalty.total());
        assertTrue(penalty.complete());
    }

    @Test
    void aFullHalfYearAtOneRate() {
        // Due 31 December 2025, through 30 June 2026: 181 days x 7.86 % on 1,200: 1200 x 1422.66 / 36500 = 46.77...
        LatePenalty penalty = LatePenalty.of(TOTAL, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 6, 30), RATES);
        assertEquals(181, penalty.daysLate());
        assertEquals(new BigDecimal("46.77"), penalty.interest()); // 46.7724
    }

    @Test
    void nothingIsDueOnOrBeforeTheDueDate() {
        LatePenalty onTime = LatePenalty.of(TOTAL, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), RATES);
        assertEquals(0, onTime.daysLate());
        assertEquals(BigDecimal.ZERO.setScale(2), onTime.total());
    }

    @Test
    void aLateDayInAHalfYearWithoutARateIsReportedNotCountedAsZero() {
        LatePenalty penalty = LatePenalty.of(TOTAL, LocalDate.of(2026, 6, 28), LocalDate.of(2026, 7, 3), RATES);
        assertFalse(penalty.complete());
        assertEquals(List.of("2026-H2"), penalty.missingHalfYears());
        // The two June days are still counted: 1200 x 2 x 7.86 / 36500 = 0.5168 -> 0.52.
        assertEquals(new BigDecimal("0.52"), penalty.interest());
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
