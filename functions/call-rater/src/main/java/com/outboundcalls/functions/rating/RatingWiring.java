package com.outboundcalls.functions.rating;

import com.outboundcalls.dial.DialFeeding;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.rate.AgentCallOutcomes;
import com.outboundcalls.rate.CallRating;
import com.outboundcalls.rate.CalleeRefusals;
import com.outboundcalls.rate.LineAudit;

import java.time.Clock;
import java.time.Duration;

/** The rating use cases both call-rater entry points run, composed from the container's adapters. */
final class RatingWiring {

    /** Longer than any call the simulator or a real campaign is expected to hold (talk is capped at 20 minutes). */
    static final Duration OVERDUE = Duration.ofMinutes(30);

    private RatingWiring() {
    }

    static CallRating rating(Wiring wiring) {
        Clock clock = wiring.clock();
        // A freed line is taken again at once by its campaign's next contact, not a minute later.
        DialFeeding refill = wiring.lineRefill();
        CalleeRefusals refusals = new CalleeRefusals(wiring.calleeRequests(), wiring.oppositionList(),
                wiring.prospectingHistories());
        com.outboundcalls.lambda.Metrics metrics = wiring.metrics("call-rater");
        com.outboundcalls.lambda.StructuredLog log = new com.outboundcalls.lambda.StructuredLog("call-rater");
        return new CallRating(wiring.cachedAccountDirectory(), wiring.callControl(), wiring.priceCatalog(),
                wiring.ratedCallStore(), wiring.contactBook(), wiring.callControl(), wiring.contactDescriptions(),
                (clientId, campaignId) -> refill.refill(clientId, campaignId, clock.instant()), refusals,
                wiring.callOrigins()).withAgentCalls(new AgentCallOutcomes(wiring.contactBook(), wiring.callControl(),
                wiring.agentReports(), refusals, (campaignKey, connectContactId) -> {
                    // Never guessed: the callee is taken as reached, and the alarm on this metric tells the operators.
                    log.warn("disposition_missing", "campaign", campaignKey, "connectContactId", connectContactId);
                    metrics.count("MissingDispositions", 1);
                }));
    }

    static LineAudit lineAudit(Wiring wiring) {
        return new LineAudit(wiring.callControl(), wiring.contactDescriptions(), rating(wiring), wiring.clock(), OVERDUE);
    }
}
