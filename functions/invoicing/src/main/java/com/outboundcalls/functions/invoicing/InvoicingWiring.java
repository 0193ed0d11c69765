package com.outboundcalls.functions.invoicing;

import com.outboundcalls.invoice.Dunning;
import com.outboundcalls.invoice.FinanceDesk;
import com.outboundcalls.invoice.InvoicePublisher;
import com.outboundcalls.invoice.InvoiceRun;
import com.outboundcalls.invoice.LegalInterestRates;

import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.aws.DynamoInvoiceStore;
import com.outboundcalls.aws.DynamoRatedCallStore;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.S3ObjectSink;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The invoicing functions' collaborators, built once per container from the environment template.yaml sets:
 * ACCOUNTS_TABLE, RATED_CALLS_TABLE, INVOICES_TABLE, EXPORT_BUCKET, LEGAL_INTEREST_RATES (2026-H1=2.62,...)
 * and DUNNING_GRACE_DAYS.
 */
final class InvoicingWiring {

    final AwsClients clients;
    final DynamoBillingDirectory billing;
    final DynamoInvoiceStore invoices;
    final DynamoRatedCallStore ratedCalls;
    final S3ObjectSink exports;
    final String exportBucket;
    final LegalInterestRates rates;
    final InvoicePublisher publisher;
    final Dunning dunning;

    InvoicingWiring(FunctionRuntime runtime) {
        this.clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        this.billing = new DynamoBillingDirectory(dynamo, runtime.require("ACCOUNTS_TABLE"), runtime.clock());
        this.invoices = new DynamoInvoiceStore(dynamo, runtime.require("INVOICES_TABLE"));
        this.ratedCalls = new DynamoRatedCallStore(dynamo, runtime.require("RATED_CALLS_TABLE"));
        this.exportBucket = runtime.require("EXPORT_BUCKET");
        this.exports = new S3ObjectSink(clients.s3(), exportBucket);
        this.rates = LegalInterestRates.parse(runtime.require("LEGAL_INTEREST_RATES"));
        this.publisher = new InvoicePublisher(invoices, new FacturX(), exports);
        this.dunning = new Dunning(invoices, billing, rates, runtime.requireInt("DUNNING_GRACE_DAYS"), publisher);
    }

    InvoiceRun invoiceRun() {
        return new InvoiceRun(billing, ratedCalls, invoices, new FacturX(), exports, rates);
    }

    FinanceDesk financeDesk() {
        return new FinanceDesk(invoices, publisher, dunning, rates);
    }
}
