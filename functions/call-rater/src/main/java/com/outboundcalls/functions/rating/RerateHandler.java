package com.outboundcalls.functions.rating;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.SqsRerateHandover;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.SqsBatch;
import com.outboundcalls.lambda.SqsHandler;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.rate.RouteRerating;

/**
 * The rerate queue: each message names routes a new price-list version prices; the calls left UNRATED on them
 * are rated ({@link RouteRerating}). A redelivered message rates nothing twice. A message that fails comes back
 * alone (ReportBatchItemFailures) and, after its retries, waits in the dead-letter queue, with its alarm.
 */
public final class RerateHandler implements SqsHandler {

    private final RouteRerating rerating;
    private final Metrics metrics;
    private final StructuredLog log = new StructuredLog("rerate");
    private final SqsBatch batch = new SqsBatch(log);

    public RerateHandler() {
        this(FunctionRuntime.system());
    }

    public RerateHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private RerateHandler(Wiring wiring) {
        this(new RouteRerating(wiring.ratedCallStore(), wiring.priceCatalog(), wiring.cachedAccountDirectory()),
                wiring.metrics("rerate"));
        wiring.primeDry(dry -> {
            RerateHandler handler = new RerateHandler(dry);
            String body = "{\"routes\":[{\"originCountry\":\"FR\",\"destinationCountry\":\"FR\",\"numberType\":\"MOBILE\"}]}";
            return () -> PrimingEvents.sqs(handler, body);
        });
    }

    public RerateHandler(RouteRerating rerating, Metrics metrics) {
        this.rerating = rerating;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        int[] rerated = {0};
        SQSBatchResponse response = batch.process(event, message -> {
            int calls = 0;
            for (RouteRerating.Route route : SqsRerateHandover.Message.fromJson(message.getBody()).routes()) {
                calls += rerating.rerate(route);
            }
            log.info("routes_rerated", "calls", calls);
            rerated[0] += calls;
        });
        metrics.count("CallsRerated", rerated[0]);
        return response;
    }
}
