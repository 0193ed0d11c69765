package com.outboundcalls.dial;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerIdPolicyTest {

    @Test
    void numbersFromTheArcepRangesMayBePresented() {
        for (String allowed : new String[]{"+33948123456", "+33949000000", "+33162000000", "+33569123456",
                "+33947512345", "+33947999999"}) {
            assertTrue(CallerIdPolicy.refusal(allowed).isEmpty(), allowed);
        }
    }

    @Test
    void mobileNumbersAndOtherFrenchRangesAreRefusedWithTheReason() {
        assertTrue(CallerIdPolicy.refusal("+33612345678").orElseThrow().contains("06/07 mobile"));
        assertTrue(CallerIdPolicy.refusal("+33712345678").orElseThrow().contains("06/07 mobile"));
        assertTrue(CallerIdPolicy.refusal("+33142685300").orElseThrow().contains("outside the ranges"));
        assertTrue(CallerIdPolicy.refusal("+33947412345").orElseThrow().contains("outside the ranges"));
        assertFalse(CallerIdPolicy.refusal("0948123456").isEmpty(), "not E.164");
    }
}
