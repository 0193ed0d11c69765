package com.outboundcalls.functions.invoicing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.SqsInvoiceRunTasks;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.invoice.FinanceExports;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceNotices;
import com.outboundcalls.invoice.InvoiceRun;
import com.outboundcalls.invoice.InvoiceRunFanOut;
import com.outboundcalls.invoice.InvoiceRunTasks;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.SqsBatch;
import com.outboundcalls.lambda.SqsHandler;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.mail.Mailer;

import java.util.Optional;
import java.util.function.Function;

/**
 * The invoice run's tasks (InvoiceRunQueue): a page of the directory to plan, or one billing account to invoice,
 * then the month's journal once the last account is done; and the steps of the month's files' rewrites. A failed message comes back alone.
 */
public final class InvoiceRunHandler implements SqsHandler {

    private final InvoiceRunFanOut run;
    private final FinanceExports monthFiles;
    private final Metrics metrics;
    private final Mailer mailer;
    private final Function<String, Optional<String>> billingEmails;
    private final StructuredLog log = new StructuredLog("invoice-run");
    private final SqsBatch batch = new SqsBatch(log);

    public InvoiceRunHandler() {
        this(FunctionRuntime.system());
    }

    public InvoiceRunHandler(FunctionRuntime runtime) {
        this(new InvoicingWiring(new Wiring(runtime)));
    }

    private InvoiceRunHandler(InvoicingWiring invoicing) {
        this(invoicing.invoiceRunFanOut(), invoicing.financeExports(), invoicing.wiring().metrics("invoice-run"),
                invoicing.wiring().mailer(), invoicing.billingEmails());
        // Before a snapshot: an account's task for a client without a billing account (not counted, nothing written),
        // and a made-up invoice rendered in memory and dropped.
        invoicing.wiring().primeWith(() -> PrimingEvents.sqs(this, "{\"invoice\":{\"scheduledTime\":"
                + "\"2025-03-01T05:00:00Z\",\"clientId\":\"" + PrimingEvents.NOBODY + "\"}}"));
        invoicing.wiring().primeWith(MadeUpInvoice::render);
    }

    /**
     * @param monthFiles takes the steps of the month's files' rewrites
     * @param billingEmails where a client's invoices are mailed, by client
     */
    public InvoiceRunHandler(InvoiceRunFanOut run, FinanceExports monthFiles, Metrics metrics, Mailer mailer,
                             Function<String, Optional<String>> billingEmails) {
        this.run = run;
        this.monthFiles = monthFiles;
        this.metrics = metrics;
        this.mailer = mailer;
        this.billingEmails = billingEmails;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, message -> handle(SqsInvoiceRunTasks.fromJson(message.getBody())));
    }

    private void handle(Object task) {
        if (task instanceof InvoiceRunTasks.PlanPage page) {
            plan(page);
        } else if (task instanceof FinanceExports.Step step) {
            FinanceExports.Outcome outcome = monthFiles.take(step);
            log.info("month_file_step", "file", step.file(), "month", step.month(), "step", step.index(),
                    "outcome", outcome);
        } else {
            invoice((InvoiceRunTasks.InvoiceAccount) task);
        }
    }

    private void plan(InvoiceRunTasks.PlanPage page) {
        InvoiceRunFanOut.Planned planned = run.plan(page);
        log.info("invoice_run_page_planned", "page", page.page(), "accounts", planned.accounts(), "last",
                planned.last());
        // A client who can place calls but has no billing account would never be invoiced: an alarm, not silence.
        planned.clientsWithoutBillingAccount().forEach(id -> log.error("client_without_billing_account",
                "clientId", id));
        metrics.count("ClientsWithoutBillingAccount", planned.clientsWithoutBillingAccount().size());
        if (planned.closedRun()) {
            log.info("invoice_run_finished", "period", InvoiceRun.periodFor(page.scheduledTime()));
        }
    }

    private void invoice(InvoiceRunTasks.InvoiceAccount task) {
        InvoiceRunFanOut.Invoiced invoiced = run.invoice(task);
        if (invoiced.result().isEmpty()) {
            log.error("invoice_run_task_without_billing_account", "clientId", task.clientId(),
                    "action", "not counted: if the account was removed after planning, the run stays unfinished");
        }
        invoiced.result().ifPresent(result -> {
            result.invoice().ifPresent(this::issued);
            result.unratedCalls().forEach((clientId, calls) -> log.error("unrated_calls_not_invoiced", "clientId",
                    clientId, "calls", calls, "action", "publish a price for their routes; they go on the next invoice"));
            result.lateCalls().forEach((clientId, calls) -> log.info("late_calls_invoiced", "clientId", clientId,
                    "calls", calls));
            metrics.count("UnratedCallsAtInvoicing", result.unratedCalls().values().stream()
                    .mapToLong(Long::longValue).sum());
            metrics.count("LateCallsInvoiced", result.lateCalls().values().stream().mapToLong(Long::longValue).sum());
        });
        if (invoiced.closedRun()) {
            log.info("invoice_run_finished", "period", InvoiceRun.periodFor(task.scheduledTime()));
        }
    }

    private void issued(Invoice invoice) {
        log.info("invoice_issued", "number", invoice.number(), "clientId", invoice.clientId(),
                "period", invoice.period(), "totalInclVat", invoice.totalInclVat());
        metrics.count("InvoicesIssued", 1);
        // The client is told by mail, once per invoice whatever the deliveries.
        billingEmails.apply(invoice.clientId()).ifPresent(email -> mailer.send(InvoiceNotices.issued(invoice, email)));
    }
}
