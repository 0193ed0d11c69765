package com.outboundcalls.invoice;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoInvoiceStore;
import com.outboundcalls.aws.DynamoRatedCallStore;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.S3ObjectSink;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.StructuredLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** 1st of each month, Europe/Paris (EventBridge Scheduler): invoices the month just ended. */
public final class InvoiceGeneratorHandler implements RequestHandler<Map<String, Object>, String> {

    private final InvoiceRun run;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("invoice-generator");

    public InvoiceGeneratorHandler() {
        this(FunctionRuntime.system());
    }

    public InvoiceGeneratorHandler(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        this.run = new InvoiceRun(new DynamoAccountDirectory(dynamo, runtime.require("ACCOUNTS_TABLE")),
                new DynamoRatedCallStore(dynamo, runtime.require("RATED_CALLS_TABLE")),
                new DynamoInvoiceStore(dynamo, runtime.require("INVOICES_TABLE")),
                new S3ObjectSink(clients.s3(), runtime.require("EXPORT_BUCKET")));
        this.clock = runtime.clock();
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        List<Invoice> invoices = run.run(ScheduledInput.scheduledTime(input, clock));
        for (Invoice invoice : invoices) {
            log.info("invoice_issued", "number", invoice.number(), "clientId", invoice.clientId(),
                    "period", invoice.period(), "totalInclVat", invoice.totalInclVat());
        }
        return invoices.size() + " invoice(s)";
    }
}
