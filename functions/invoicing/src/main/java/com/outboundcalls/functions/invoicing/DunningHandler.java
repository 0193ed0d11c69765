package com.outboundcalls.functions.invoicing;

import com.outboundcalls.invoice.InvoiceExports;

import com.outboundcalls.time.Zones;

import com.outboundcalls.invoice.BillingDirectory;
import com.outboundcalls.invoice.Dunning;

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

    private final software.amazon.awssdk.services.s3.S3Client s3;
    private final String exportBucket;
    private final BillingDirectory billing;

    public DunningHandler() {
        this(FunctionRuntime.system());
    }

    public DunningHandler(FunctionRuntime runtime) {
        InvoicingWiring wiring = new InvoicingWiring(runtime);
        this.dunning = wiring.dunning;
        this.billing = wiring.billing;
        this.s3 = wiring.clients.s3();
        this.exportBucket = wiring.exportBucket;
        this.clock = runtime.clock();
        this.metrics = new com.outboundcalls.lambda.Metrics("dunning", runtime);
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        LocalDate today = ScheduledInput.scheduledTime(input, clock).atZone(Zones.BILLING).toLocalDate();
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
        // Last month's invoice run (the 1st, 06:00) leaves its journal: missing at this hour, the run failed or
        // is late, and the InvoiceRunLate alarm says so.
        // Only when some account was subscribed then: a new stack has no last month to invoice.
        java.time.YearMonth lastMonth = java.time.YearMonth.from(today).minusMonths(1);
        boolean due = billing.accounts().stream().anyMatch(a -> !a.subscribedOn().isAfter(lastMonth.atEndOfMonth())
                && (a.terminatedOn() == null || !a.terminatedOn().isBefore(lastMonth.atDay(1))));
        boolean late = due && !exists(InvoiceExports.journalKey(lastMonth));
        metrics.count("InvoiceRunLate", late ? 1 : 0);
        if (late) {
            log.error("invoice_run_late", "period", lastMonth, "day", today,
                    "action", "run InvoiceGeneratorFunction for the period; a re-run issues nothing twice");
        }
        log.info("dunning_done", "day", today, "overdue", result.overdue(), "frozenByDispute",
                result.frozenByDispute());
        return result.overdue() + " overdue, " + result.suspended().size() + " suspended, "
                + result.lifted().size() + " lifted";
    }

    private boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(exportBucket).key(key));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
