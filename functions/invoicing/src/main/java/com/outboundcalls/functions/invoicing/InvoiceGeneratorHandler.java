package com.outboundcalls.functions.invoicing;

import com.amazonaws.services.lambda.runtime.Context;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.invoice.InvoiceRunFanOut;
import com.outboundcalls.invoice.InvoiceRunLedger;
import com.outboundcalls.invoice.InvoiceRunTasks;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.ScheduledHandler;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.StructuredLog;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;

/**
 * The month's last evening, Europe/Paris (EventBridge Scheduler): opens the run of the month ending and queues
 * its first page for InvoiceRunFunction, which invoices every billing account, one message each. Every hour of the
 * next night, until the run has finished, its pages are queued again: a task that was lost is taken again, and
 * the accounts already done are skipped.
 */
public final class InvoiceGeneratorHandler implements ScheduledHandler<String> {

    private final InvoiceRunLedger ledger;
    private final InvoiceRunTasks tasks;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("invoice-generator");

    public InvoiceGeneratorHandler() {
        this(FunctionRuntime.system());
    }

    public InvoiceGeneratorHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private InvoiceGeneratorHandler(Wiring wiring) {
        this(InvoicingWiring.invoiceRunLedger(wiring), InvoicingWiring.invoiceRunTasks(wiring), wiring.clock());
        wiring.primeDry(dry -> {
            InvoiceGeneratorHandler handler = new InvoiceGeneratorHandler(dry);
            return () -> PrimingEvents.schedule(handler);
        });
    }

    public InvoiceGeneratorHandler(InvoiceRunLedger ledger, InvoiceRunTasks tasks, Clock clock) {
        this.ledger = ledger;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        java.time.Instant at = ScheduledInput.scheduledTime(input, clock);
        java.util.Optional<YearMonth> period = InvoiceRunFanOut.start(ledger, tasks, at);
        if (period.isEmpty()) {
            return "invoice run for " + com.outboundcalls.invoice.InvoiceRun.periodFor(at) + " finished already";
        }
        log.info("invoice_run_started", "period", period.get());
        return "invoice run for " + period.get() + " started";
    }
}
