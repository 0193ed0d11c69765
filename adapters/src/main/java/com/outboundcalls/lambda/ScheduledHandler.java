package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * A function a schedule triggers with its input ({@link ScheduledInput}). As for {@link SqsHandler}, Lambda's Java
 * runtime takes the stream overload (the longest signature): the input is read, and the answer written, with the
 * function's own JSON mapping ({@link ScheduledJson}) instead of the runtime's (a second, shaded Jackson built
 * before the first invocation). Tests and callers in process use the typed overload.
 */
public interface ScheduledHandler<O> extends RequestHandler<Map<String, Object>, O> {

    /** As Lambda invokes the function. */
    default void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ScheduledJson.write(handleRequest(ScheduledJson.read(input), context), output);
    }
}
