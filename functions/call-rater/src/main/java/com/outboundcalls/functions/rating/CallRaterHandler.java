package com.outboundcalls.functions.rating;

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
import com.outboundcalls.rate.CallRating;
import com.outboundcalls.rate.ContactEvent;

/** Call-events queue (EventBridge rule on aws.connect): rates disconnected calls, settles their contacts. */
public final class CallRaterHandler implements SqsHandler {

    private final CallRating rating;
    private final Metrics metrics;
    private final StructuredLog log = new StructuredLog("call-rater");
    private final SqsBatch batch = new SqsBatch(log);

    public CallRaterHandler() {
        this(FunctionRuntime.system());
    }

    public CallRaterHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private CallRaterHandler(Wiring wiring) {
        this(RatingWiring.rating(wiring), wiring.metrics("call-rater"));
        // Before a snapshot: the end of a Connect contact no call of ours recorded, found foreign; nothing written.
        wiring.primeWith(() -> PrimingEvents.sqs(this, PRIMING_EVENT));
    }

    /** A contact's end as EventBridge delivers it, for a contact id Connect never gives. */
    private static final String PRIMING_EVENT = "{\"version\":\"0\",\"detail-type\":\"Amazon Connect Contact Event\","
            + "\"source\":\"aws.connect\",\"time\":\"2026-01-01T00:01:00Z\",\"detail\":{\"eventType\":\"DISCONNECTED\","
            + "\"contactId\":\"00000000-0000-0000-0000-000000000000\",\"channel\":\"VOICE\",\"initiationMethod\":\"API\","
            + "\"initiationTimestamp\":\"2026-01-01T00:00:00.000Z\",\"disconnectTimestamp\":\"2026-01-01T00:01:00.000Z\","
            + "\"disconnectReason\":\"CUSTOMER_DISCONNECT\"}}";

    public CallRaterHandler(CallRating rating, Metrics metrics) {
        this.rating = rating;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, message -> {
            ContactEvent contactEvent = ContactEvent.fromEventBridgeJson(message.getBody());
            CallRating.Outcome outcome = rating.handle(contactEvent);
            if (outcome == CallRating.Outcome.FOREIGN) {
                // Another application's contact on the instance: nothing of ours to rate, and no retry.
                log.info("foreign_contact_ignored", "connectContactId", contactEvent.contactId());
                metrics.count("ForeignContactEvents", 1);
                return;
            }
            if (outcome != CallRating.Outcome.IGNORED) {
                log.info("call_rated", "connectContactId", contactEvent.contactId(), "outcome", outcome);
            }
            if (outcome == CallRating.Outcome.UNRATED) {
                log.warn("call_unrated", "connectContactId", contactEvent.contactId());
                metrics.count("UnratedCalls", 1);
            }
        });
    }
}
