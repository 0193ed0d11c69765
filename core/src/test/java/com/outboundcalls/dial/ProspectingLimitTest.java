package com.outboundcalls.dial;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProspectingLimitTest {

    private static final Instant NOW = Instant.parse("2026-10-20T09:00:00Z");

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void aFifthCallWithinThirtyDaysWaitsUntilTheOldestLeavesTheWindow() {
        ProspectingLimit.History four = new ProspectingLimit.History(
                List.of(daysAgo(2), daysAgo(25), daysAgo(10), daysAgo(5)), null);
        assertEquals(Optional.of(daysAgo(25).plus(Duration.ofDays(30))), ProspectingLimit.nextAllowed(four, NOW));
    }

    @Test
    void threeCallsOrOldOnesLeaveTheWayOpen() {
        assertEquals(Optional.empty(), ProspectingLimit.nextAllowed(
                new ProspectingLimit.History(List.of(daysAgo(1), daysAgo(2), daysAgo(3)), null), NOW));
        assertEquals(Optional.empty(), ProspectingLimit.nextAllowed(new ProspectingLimit.History(
                List.of(daysAgo(31), daysAgo(2), daysAgo(3), daysAgo(4)), null), NOW));
    }

    @Test
    void noCallForSixtyDaysAfterARefusal() {
        ProspectingLimit.History refused = new ProspectingLimit.History(List.of(daysAgo(10)), daysAgo(10));
        assertEquals(Optional.of(daysAgo(10).plus(Duration.ofDays(60))), ProspectingLimit.nextAllowed(refused, NOW));
        ProspectingLimit.History longAgo = new ProspectingLimit.History(List.of(), daysAgo(61));
        assertEquals(Optional.empty(), ProspectingLimit.nextAllowed(longAgo, NOW));
    }

    @Test
    void theHistoryKeepsOnlyTheCallsTheRuleCanStillNeed() {
        ProspectingLimit.History h = new ProspectingLimit.History(List.of(daysAgo(40), daysAgo(3)), null).withCall(NOW);
        assertEquals(List.of(daysAgo(3), NOW), h.calls());
    }
}
