package com.outboundcalls.report;

import com.outboundcalls.contact.CallTally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent-assisted campaign's figures, from its counters: how the agents' conversations ended, the callbacks asked
 * for and still to place, the average speed of answer (seconds an answered callee waited for an agent) and the
 * abandonment rate (answered callees no agent took, over the callees who answered; the pacing keeps it under the
 * target over any 24 hours).
 */
public record AgentFigures(String dialingMode, Map<String, Long> dispositions, long dispositionsMissing,
                           long callbacksRequested, long callbacksDue, long answered, long abandoned,
                           BigDecimal abandonmentRatePercent, BigDecimal averageSpeedOfAnswerSeconds,
                           BigDecimal abandonmentTargetPercent) {

    /** The dispositions an agent may record, in the order the dashboard shows them. */
    public static final List<String> DISPOSITIONS = List.of("COMPLETED", "UNSUCCESSFUL", "WRONG_PERSON", "CALLBACK",
            "REFUSED", "DO_NOT_CALL");

    public static AgentFigures of(String dialingMode, BigDecimal abandonmentTarget, CampaignCounters c) {
        Map<String, Long> dispositions = new LinkedHashMap<>();
        DISPOSITIONS.forEach(d -> dispositions.put(d, c.count(CallTally.disposition(d))));
        long answered = c.count(CallTally.ANSWERED);
        long abandoned = c.count(CallTally.ABANDONED);
        long connected = c.count(CallTally.CONNECTED_TO_AGENT);
        long requested = c.count(CallTally.CALLBACKS);
        return new AgentFigures(dialingMode, dispositions, c.count(CallTally.DISPOSITION_MISSING), requested,
                Math.max(0, requested - c.count(CallTally.CALLBACKS_PLACED)), answered, abandoned,
                CampaignDashboard.rate(abandoned, answered).orElse(BigDecimal.ZERO),
                connected == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(c.count(CallTally.WAIT_MILLIS))
                        .divide(BigDecimal.valueOf(connected * 1000L), 1, RoundingMode.HALF_UP),
                abandonmentTarget.movePointRight(2).stripTrailingZeros());
    }
}
