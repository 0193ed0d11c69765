package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function behind an HTTP API (payload 2.0). As for {@link SqsHandler}, Lambda's Java runtime takes the stream
 * overload (the longest signature): the request is read, and the response written, with the function's own JSON
 * mapping ({@link HttpApiEventJson}) instead of the runtime's serializers, built before the first request and
 * filled on it. Tests and callers in process use the typed overload.
 */
public interface HttpApiHandler extends RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** As Lambda invokes the function. */
    default void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpApiEventJson.write(handleRequest(HttpApiEventJson.read(input), context), output);
    }
}
