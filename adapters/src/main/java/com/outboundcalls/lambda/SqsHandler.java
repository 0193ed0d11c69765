package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function an SQS event source triggers, answering with its partial batch failures. Lambda's Java runtime, handed
 * {@code Class::handleRequest}, takes the overload with the longest signature: the stream one below. So the event
 * is read, and the answer written, with the function's own JSON mapping ({@link SqsEventJson}), which it loads
 * anyway, instead of the runtime's serializers (a second, shaded Jackson and the event classes' mix-ins, built
 * before the first event: a large share of a cold start). Tests and callers in process use the typed overload.
 */
public interface SqsHandler extends RequestHandler<SQSEvent, SQSBatchResponse> {

    /** As Lambda invokes the function. */
    default void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SqsEventJson.write(handleRequest(SqsEventJson.read(input), context), output);
    }
}
