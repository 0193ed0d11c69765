package com.outboundcalls.invoice;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.rate.RatedCall;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Every morning, Europe/Paris: late penalties on overdue invoices, suspension past the grace period, lifting
 * once paid. A half-year with late days and no legal rate configured is logged as an error and counted in
 * the LegalRateMissing metric (an alarm), never computed as zero.
 */
public final class DunningHandler implements RequestHandler<Map<String, Object>, String> {

    private final Dunning dunning;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("dunning");
    private final com.outboundcalls.lambda.Metrics metrics;

    public DunningHandler() {
        this(FunctionRuntime.system());
    }

    public DunningHandler(FunctionRuntime runtime) {
        this.dunning = new InvoicingWiring(runtime).dunning;
        this.clock = runtime.clock();
        this.metrics = new com.outboundcalls.lambda.Metrics("dunning", clock);
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        LocalDate today = ScheduledInput.scheduledTime(input, clock).atZone(RatedCall.BILLING_ZONE).toLocalDate();
        Dunning.Result result = dunning.run(today);
        for (String clientId : result.suspended()) {
            log.warn("account_suspended_for_non_payment", "clientId", clientId, "day", today);
        }
        for (String clientId : result.lifted()) {
            log.info("suspension_lifted", "clientId", clientId, "day", today);
        }
        metrics.count("LegalRateMissing", result.halfYearsWithoutRate().size());
        if (!result.halfYearsWithoutRate().isEmpty()) {
            log.error("legal_interest_rate_missing", "halfYears", String.join(",", result.halfYearsWithoutRate()),
                    "day", today, "action", "publish the rate in LEGAL_INTEREST_RATES; penalties stay incomplete");
        }
        log.info("dunning_done", "day", today, "overdue", result.overdue(), "frozenByDispute",
                result.frozenByDispute());
        return result.overdue() + " overdue, " + result.suspended().size() + " suspended, "
                + result.lifted().size() + " lifted";
    }
}
