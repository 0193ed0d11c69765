package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.SqsBatch;
import com.outboundcalls.lambda.SqsHandler;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.rate.PriceChangeNotices;

/**
 * The notifications queue (a price increase, per client, from the price-list import): each notice mailed to the
 * client's billing address, once. A notice for a client that no longer exists is logged and dropped; one that
 * fails to send comes back alone (ReportBatchItemFailures) and, after five tries, waits in the dead-letter queue.
 */
public final class ClientNoticesHandler implements SqsHandler {

    private final PriceChangeNotices notices;
    private final Metrics metrics;
    private final StructuredLog log = new StructuredLog("client-notices");
    private final SqsBatch batch = new SqsBatch(log);

    public ClientNoticesHandler() {
        this(FunctionRuntime.system());
    }

    public ClientNoticesHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private ClientNoticesHandler(Wiring wiring) {
        this(new PriceChangeNotices(wiring.accountRecords(), wiring.mailer(),
                () -> wiring.billingDirectory().provider().identity().name()), wiring.metrics("client-notices"));
        // Before a snapshot, through the function's own client: the account of nobody looked up (not found).
        wiring.primeWith(() -> wiring.accountDirectory().client(PrimingEvents.NOBODY));
        wiring.primeDry(dry -> {
            ClientNoticesHandler handler = new ClientNoticesHandler(dry);
            String body = "{\"clientId\":\"" + PrimingEvents.NOBODY + "\",\"increases\":[]}";
            return () -> PrimingEvents.sqs(handler, body);
        });
    }

    public ClientNoticesHandler(PriceChangeNotices notices, Metrics metrics) {
        this.notices = notices;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        int[] sent = {0};
        SQSBatchResponse response = batch.process(event, message -> {
            PriceChangeNotices.Delivery delivery = notices.deliver(message.getBody());
            switch (delivery) {
                case SENT -> sent[0]++;
                case ALREADY_SENT -> log.info("notice_already_sent", "messageId", message.getMessageId());
                default -> log.error("notice_not_delivered", "messageId", message.getMessageId(), "why", delivery);
            }
        });
        metrics.count("ClientNoticesSent", sent[0]);
        return response;
    }
}
