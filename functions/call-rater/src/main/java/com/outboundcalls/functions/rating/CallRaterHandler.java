package com.outboundcalls.functions.rating;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.SqsBatch;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.rate.CallRating;
import com.outboundcalls.rate.ContactEvent;

/** Call-events queue (EventBridge rule on aws.connect): rates disconnected calls, settles their contacts. */
public final class CallRaterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

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
    }

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
