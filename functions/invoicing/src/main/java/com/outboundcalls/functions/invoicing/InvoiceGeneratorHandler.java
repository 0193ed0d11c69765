package com.outboundcalls.functions.invoicing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceNotices;
import com.outboundcalls.invoice.InvoiceRun;
import com.outboundcalls.invoice.InvoiceRunWatch;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.mail.Mailer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** 1st of each month, Europe/Paris (EventBridge Scheduler): invoices the month just ended. */
public final class InvoiceGeneratorHandler implements RequestHandler<Map<String, Object>, String> {

    private final InvoiceRun run;
    private final InvoiceRunWatch watch;
    private final AccountDirectory accounts;
    private final Metrics metrics;
    private final Mailer mailer;
    private final Function<String, Optional<String>> billingEmails;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("invoice-generator");

    public InvoiceGeneratorHandler() {
        this(FunctionRuntime.system());
    }

    public InvoiceGeneratorHandler(FunctionRuntime runtime) {
        this(new InvoicingWiring(new Wiring(runtime)));
    }

    private InvoiceGeneratorHandler(InvoicingWiring invoicing) {
        this(invoicing.invoiceRun(), invoicing.watch(), invoicing.wiring().accountDirectory(),
                invoicing.wiring().metrics("invoice-generator"), invoicing.wiring().mailer(),
                invoicing.billingEmails(), invoicing.wiring().clock());
    }

    /** @param billingEmails where a client's invoices are mailed, by client */
    public InvoiceGeneratorHandler(InvoiceRun run, InvoiceRunWatch watch, AccountDirectory accounts, Metrics metrics,
                                   Mailer mailer, Function<String, Optional<String>> billingEmails, Clock clock) {
        this.run = run;
        this.watch = watch;
        this.accounts = accounts;
        this.metrics = metrics;
        this.mailer = mailer;
        this.billingEmails = billingEmails;
        this.clock = clock;
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        long started = System.nanoTime();
        InvoiceRun.Result result = run.run(ScheduledInput.scheduledTime(input, clock));
        metrics.duration("InvoiceRunDuration", Duration.ofNanos(System.nanoTime() - started));
        metrics.count("InvoicesIssued", result.invoices().size());
        metrics.count("UnratedCallsAtInvoicing", result.unratedCalls().values().stream().mapToLong(Long::longValue).sum());
        for (Invoice invoice : result.invoices()) {
            log.info("invoice_issued", "number", invoice.number(), "clientId", invoice.clientId(),
                    "period", invoice.period(), "totalInclVat", invoice.totalInclVat());
            // The client is told by mail, once per invoice whatever the re-runs.
            billingEmails.apply(invoice.clientId()).ifPresent(email -> mailer.send(InvoiceNotices.issued(invoice, email)));
        }
        result.unratedCalls().forEach((clientId, calls) -> log.error("unrated_calls_not_invoiced", "clientId",
                clientId, "calls", calls, "action", "publish a price for their routes; they go on the next invoice"));
        result.lateCalls().forEach((clientId, calls) -> log.info("late_calls_invoiced", "clientId", clientId,
                "calls", calls));
        metrics.count("LateCallsInvoiced", result.lateCalls().values().stream().mapToLong(Long::longValue).sum());
        // A client who can place calls but has no billing account would never be invoiced: an alarm, not silence.
        List<String> unbilled = watch.clientsWithoutBillingAccount(accounts);
        unbilled.forEach(id -> log.error("client_without_billing_account", "clientId", id));
        metrics.count("ClientsWithoutBillingAccount", unbilled.size());
        return result.invoices().size() + " invoice(s), " + unbilled.size() + " client(s) without a billing account";
    }
}
