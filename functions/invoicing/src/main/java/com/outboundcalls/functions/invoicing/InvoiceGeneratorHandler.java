package com.outboundcalls.functions.invoicing;

import com.outboundcalls.invoice.BillingDirectory;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceRun;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.StructuredLog;

import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.lambda.Metrics;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/** 1st of each month, Europe/Paris (EventBridge Scheduler): invoices the month just ended. */
public final class InvoiceGeneratorHandler implements RequestHandler<Map<String, Object>, String> {

    private final InvoiceRun run;
    private final DynamoAccountDirectory accounts;
    private final BillingDirectory billing;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("invoice-generator");
    private final Metrics metrics;

    public InvoiceGeneratorHandler() {
        this(FunctionRuntime.system());
    }

    public InvoiceGeneratorHandler(FunctionRuntime runtime) {
        InvoicingWiring wiring = new InvoicingWiring(runtime);
        this.run = wiring.invoiceRun();
        this.billing = wiring.billing;
        this.accounts = new DynamoAccountDirectory(wiring.clients.dynamoDb(), runtime.require("ACCOUNTS_TABLE"));
        this.clock = runtime.clock();
        this.metrics = new Metrics("invoice-generator", runtime);
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        long started = System.nanoTime();
        InvoiceRun.Result result = run.run(ScheduledInput.scheduledTime(input, clock));
        metrics.duration("InvoiceRunDuration", java.time.Duration.ofNanos(System.nanoTime() - started));
        metrics.count("InvoicesIssued", result.invoices().size());
        metrics.count("UnratedCallsAtInvoicing", result.unratedCalls().values().stream().mapToLong(Long::longValue).sum());
        for (Invoice invoice : result.invoices()) {
            log.info("invoice_issued", "number", invoice.number(), "clientId", invoice.clientId(),
                    "period", invoice.period(), "totalInclVat", invoice.totalInclVat());
        }
        result.unratedCalls().forEach((clientId, calls) -> log.error("unrated_calls_not_invoiced", "clientId",
                clientId, "calls", calls, "action", "publish a price for their routes; they are rated then"));
        // A client who can place calls but has no billing account would never be invoiced: an alarm, not silence.
        Set<String> billed = new HashSet<>();
        billing.accounts().forEach(a -> billed.add(a.clientId()));
        billing.sectionsByParent().values().forEach(sections -> sections.forEach(s -> billed.add(s.clientId())));
        List<String> unbilled = accounts.clients().stream().map(Client::clientId).filter(id -> !billed.contains(id))
                .toList();
        unbilled.forEach(id -> log.error("client_without_billing_account", "clientId", id));
        metrics.count("ClientsWithoutBillingAccount", unbilled.size());
        return result.invoices().size() + " invoice(s), " + unbilled.size() + " client(s) without a billing account";
    }
}
