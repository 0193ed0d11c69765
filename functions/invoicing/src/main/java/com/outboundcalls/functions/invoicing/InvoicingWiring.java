package com.outboundcalls.functions.invoicing;

import com.outboundcalls.aws.S3Links;
import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.invoice.Dunning;
import com.outboundcalls.invoice.FinanceDesk;
import com.outboundcalls.invoice.InvoicePublisher;
import com.outboundcalls.invoice.InvoiceRun;
import com.outboundcalls.invoice.InvoiceRunWatch;
import com.outboundcalls.invoice.LegalInterestRates;

/**
 * The invoicing use cases the three invoicing functions run, composed from the container's adapters and this
 * module's documents (PDF and Factur-X through Mustang). Exports go to EXPORT_BUCKET.
 */
final class InvoicingWiring {

    private final Wiring wiring;
    private final LegalInterestRates rates;
    private final ObjectSink exports;

    InvoicingWiring(Wiring wiring) {
        this.wiring = wiring;
        this.rates = LegalInterestRates.parse(wiring.require("LEGAL_INTEREST_RATES"));
        this.exports = wiring.objectSink(wiring.require("EXPORT_BUCKET"));
    }

    Wiring wiring() {
        return wiring;
    }

    private InvoicePublisher publisher() {
        return new InvoicePublisher(new FacturX(), exports, financeExports());
    }

    /**
     * The month's journal and accounting entries, rewritten in steps on INVOICE_RUN_QUEUE_URL, each rewrite's
     * latest recorded in INVOICES_TABLE.
     */
    com.outboundcalls.invoice.FinanceExports financeExports() {
        return new com.outboundcalls.invoice.FinanceExports(wiring.invoiceStore(), exports,
                com.outboundcalls.invoice.AccountingEntries.Accounts.parse(wiring.optional("FEC_ACCOUNTS")),
                invoiceRunTasks(), new com.outboundcalls.aws.DynamoLatestRewrites(wiring.dynamoDb(),
                wiring.require("INVOICES_TABLE"), wiring.clock()));
    }

    InvoiceRun invoiceRun() {
        return new InvoiceRun(wiring.billingDirectory(), wiring.ratedCallStore(), wiring.invoiceStore(), publisher(),
                exports, rates);
    }

    /** The day's dunning in steps: the clients behind noted in INVOICES_TABLE between them. */
    Dunning dunning() {
        return new Dunning(wiring.invoiceStore(), wiring.billingDirectory(), rates,
                wiring.requireInt("DUNNING_GRACE_DAYS"), publisher(),
                new com.outboundcalls.aws.DynamoBehindClients(wiring.dynamoDb(), wiring.require("INVOICES_TABLE")),
                Dunning.PAGE);
    }

    /**
     * The dunning steps taken through to handing the next on, noted in INVOICES_TABLE by the step's run and index
     * ({@code DUNNING#STEP#{run}/{index}}; a message of no run by its id) for longer than DunningQueue keeps a
     * message (four days).
     */
    com.outboundcalls.lambda.TakenMessages takenDunningSteps() {
        return new com.outboundcalls.aws.DynamoTakenMessages(wiring.dynamoDb(), wiring.require("INVOICES_TABLE"),
                "DUNNING#STEP#", java.time.Duration.ofDays(5), wiring.clock());
    }

    /** Where a dunning step hands the next on (DUNNING_QUEUE_URL). */
    Dunning.Steps dunningSteps() {
        return new com.outboundcalls.aws.SqsDunningSteps(wiring.sqs(), wiring.require("DUNNING_QUEUE_URL"));
    }

    FinanceDesk financeDesk() {
        return new FinanceDesk(wiring.invoiceStore(), publisher(), dunning(), rates,
                wiring.optional("RATED_CALLS_TABLE") == null ? null : wiring.ratedCallStore(),
                clientId -> wiring.accountRecords().profile(clientId)
                        .filter(p -> p.invoicing() == com.outboundcalls.account.ClientProfile.Invoicing.PARENT_SECTION)
                        .map(p -> new FinanceDesk.InvoicedOn(p.parentClientId(), p.client().name())));
    }

    /** The run in tasks on INVOICE_RUN_QUEUE_URL, counted in the invoices table. */
    com.outboundcalls.invoice.InvoiceRunFanOut invoiceRunFanOut() {
        return new com.outboundcalls.invoice.InvoiceRunFanOut(invoiceRun(), wiring.billingDirectory(),
                invoiceRunLedger(), invoiceRunTasks(), wiring.clock());
    }

    com.outboundcalls.aws.SqsInvoiceRunTasks invoiceRunTasks() {
        return invoiceRunTasks(wiring);
    }

    com.outboundcalls.aws.DynamoInvoiceRunLedger invoiceRunLedger() {
        return invoiceRunLedger(wiring);
    }

    /** The run's queue (INVOICE_RUN_QUEUE_URL), for the schedule's function too, which needs nothing else here. */
    static com.outboundcalls.aws.SqsInvoiceRunTasks invoiceRunTasks(Wiring wiring) {
        return new com.outboundcalls.aws.SqsInvoiceRunTasks(wiring.sqs(), wiring.require("INVOICE_RUN_QUEUE_URL"));
    }

    /** The runs' records in INVOICES_TABLE. */
    static com.outboundcalls.aws.DynamoInvoiceRunLedger invoiceRunLedger(Wiring wiring) {
        return new com.outboundcalls.aws.DynamoInvoiceRunLedger(wiring.dynamoDb(), wiring.require("INVOICES_TABLE"),
                wiring.clock());
    }

    InvoiceRunWatch watch() {
        return new InvoiceRunWatch(wiring.billingDirectory(), exports);
    }

    /** Where a client's invoice mails go: its billing address, by client. */
    java.util.function.Function<String, java.util.Optional<String>> billingEmails() {
        return clientId -> wiring.accountRecords().profile(clientId).map(com.outboundcalls.account.ClientProfile::billingEmail);
    }

    S3Links exportLinks() {
        return wiring.links(wiring.require("EXPORT_BUCKET"));
    }
}
