package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A function an S3 notification triggers, handling the objects the event names. As for {@link SqsHandler}, Lambda's
 * Java runtime takes the stream overload (the longest signature): the event is read with the function's own JSON
 * mapping ({@link S3EventJson}) instead of the runtime's serializers, whose S3 event mapping (mix-ins, a date-time
 * library) is built before the first event and filled on the first one. Tests and callers in process may hand a
 * typed {@link S3Event}.
 */
public interface S3Handler extends RequestHandler<S3Event, String> {

    /** Handles the objects, in the event's order; returns a line saying what was done. */
    String handleObjects(List<S3ObjectRef> objects, Context context);

    @Override
    default String handleRequest(S3Event event, Context context) {
        return handleObjects(event.getRecords().stream().map(S3ObjectRef::of).toList(), context);
    }

    /** As Lambda invokes the function. */
    default void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        S3EventJson.write(handleObjects(S3EventJson.read(input), context), output);
    }
}
