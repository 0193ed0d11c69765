package com.outboundcalls.invoice;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.StructuredLog;

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
        this.run = new InvoicingWiring(runtime).invoiceRun();
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
