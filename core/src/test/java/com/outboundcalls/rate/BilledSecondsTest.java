package com.outboundcalls.rate;

import com.outboundcalls.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BilledSecondsTest {

    private static final Instant ANSWERED = Instant.parse("2026-10-05T09:00:00Z");

    @Test
    void aWholeNumberOfSecondsBillsExactlyThatMany() {
        assertEquals(61, BilledSeconds.between(ANSWERED, ANSWERED.plusMillis(61_000)));
    }

    @Test
    void everyStartedSecondIsDue() {
        assertEquals(62, BilledSeconds.between(ANSWERED, ANSWERED.plusMillis(61_001)));
        assertEquals(1, BilledSeconds.between(ANSWERED, ANSWERED.plusNanos(1)));
    }

    @Test
    void anUnansweredCallBillsNothing() {
        assertEquals(0, BilledSeconds.between(null, ANSWERED));
        assertEquals(0, BilledSeconds.between(ANSWERED, ANSWERED));
        assertEquals(0, BilledSeconds.between(ANSWERED, ANSWERED.minusSeconds(3)));
    }

    @Test
    void aRatedCallIsKeptAtSixDecimalsHalfUp() {
        assertEquals(new BigDecimal("0.124000"), Money.ratedCallAmount(62, new BigDecimal("0.12")));
        // 7 s at 0.0450 = 0.00525 exactly
        assertEquals(new BigDecimal("0.005250"), Money.ratedCallAmount(7, new BigDecimal("0.0450")));
        // 1 s at 0.0001 = 0.0000016666.. -> 0.000002
        assertEquals(new BigDecimal("0.000002"), Money.ratedCallAmount(1, new BigDecimal("0.0001")));
    }
}
