package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.ClientRole;
import com.outboundcalls.json.JsonTrees;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The events a handler is handed before SnapStart's snapshot to prime its own path: shaped as Lambda delivers them,
 * about nobody (a user of no client, a message for no campaign), so that they are refused or find nothing and
 * change nothing. Nothing here is random or timed: the snapshot captures no id or instant.
 */
public final class PrimingEvents {

    /** The client id, user and principal the priming events speak for: none that can exist. */
    public static final String NOBODY = "priming-nobody";

    /** The context of a priming invocation: a request id of its own, all the time it wants, logs dropped. */
    public static final Context CONTEXT = new PrimingContext();

    private PrimingEvents() {
    }

    /**
     * Hands the handler an HTTP API request, as Lambda hands it (the event's JSON to its stream overload, so that
     * reading the request and writing the response are primed as well): signed by {@link #NOBODY}, which is no ARN,
     * so that no operator allow-list entry (not even one covering a whole account) lets it reach an operator's route;
     * or with a client space ID token's claims of a user of client {@link #NOBODY} when asked.
     */
    public static void httpApi(HttpApiHandler handler, String method, String rawPath, boolean clientSpaceUser) {
        invoke(handler::handleRequest, httpApiEvent(method, rawPath, Map.of(), null, clientSpaceUser));
    }

    /**
     * Hands the handler a request on one of its routes with path parameters ({@code /invoices/{number}}) and a JSON
     * body, signed by {@link #NOBODY}: for a handler built for priming on a {@linkplain
     * com.outboundcalls.glue.Wiring#primeDry dry wiring} whose allow list names {@link #NOBODY} alone, so that the
     * route's own path runs (and finds nothing) where a real handler would refuse the caller first.
     */
    public static void httpApi(HttpApiHandler handler, String method, String route, Map<String, String> pathParameters,
                               String body) {
        invoke(handler::handleRequest, httpApiEvent(method, route, pathParameters, body, false));
    }

    private static ObjectNode httpApiEvent(String method, String route, Map<String, String> pathParameters,
                                           String body, boolean clientSpaceUser) {
        String rawPath = route;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            rawPath = rawPath.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        ObjectNode event = JsonTrees.object();
        event.put("version", "2.0");
        event.put("routeKey", method + " " + route);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", "");
        event.putObject("headers").put("content-type", "application/json");
        if (!pathParameters.isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach(parameters::put);
        }
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "priming");
        context.put("routeKey", method + " " + route);
        context.putObject("http").put("method", method).put("path", rawPath).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1");
        ObjectNode authorizer = context.putObject("authorizer");
        if (clientSpaceUser) {
            ObjectNode jwt = authorizer.putObject("jwt");
            jwt.putObject("claims").put("token_use", "id").put("email", NOBODY + "@example.invalid")
                    .put("custom:client_id", NOBODY).put("custom:role", ClientRole.ADMINISTRATEUR.name());
            jwt.putArray("scopes");
        } else {
            authorizer.putObject("iam").put("userArn", NOBODY);
        }
        return event;
    }

    /**
     * Hands the handler a schedule's input as EventBridge Scheduler would hand it over without its time filled in
     * (the handler takes the time of its clock when it runs), as Lambda hands it: the input's JSON to its stream
     * overload.
     */
    public static void schedule(ScheduledHandler<?> handler) {
        ObjectNode input = JsonTrees.object();
        input.put("scheduledTime", "<aws.scheduler.scheduled-time>");
        invoke(handler::handleRequest, input);
    }

    /**
     * Hands the handler an S3 event of one object created (a PUT of an empty object, with no version), as Lambda
     * hands it: the event's JSON to its stream overload, so that reading the event is primed as well.
     */
    public static void s3(S3Handler handler, String bucket, String key) {
        ObjectNode event = JsonTrees.object();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("eventName", "ObjectCreated:Put");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "priming");
        s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
        s3.putObject("object").put("key", key).put("size", 0).put("eTag", "d41d8cd98f00b204e9800998ecf8427e")
                .put("sequencer", "0");
        invoke(handler::handleRequest, event);
    }

    /**
     * Hands the handler an SQS event of one message with this body, received once, as Lambda hands it: the event's
     * JSON to its stream overload, so that reading the event and writing the answer are primed as well.
     */
    public static void sqs(SqsHandler handler, String body) {
        ObjectNode event = JsonTrees.object();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("messageId", "priming");
        record.put("receiptHandle", "priming");
        record.put("body", body);
        record.putObject("attributes").put("ApproximateReceiveCount", "1");
        record.putObject("messageAttributes");
        record.put("eventSource", "aws:sqs");
        invoke(handler::handleRequest, event);
    }

    /** A handler's stream overload, as Lambda's runtime calls it. */
    private interface StreamInvocation {
        void handleRequest(InputStream input, OutputStream output, Context context) throws IOException;
    }

    private static void invoke(StreamInvocation handler, ObjectNode event) {
        try {
            byte[] json = JsonTrees.write(event).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            handler.handleRequest(new ByteArrayInputStream(json), OutputStream.nullOutputStream(), CONTEXT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static final class PrimingContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "priming";
        }

        @Override
        public String getLogGroupName() {
            return "priming";
        }

        @Override
        public String getLogStreamName() {
            return "priming";
        }

        @Override
        public String getFunctionName() {
            return "priming";
        }

        @Override
        public String getFunctionVersion() {
            return "priming";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-3:000000000000:function:priming";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 900_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                }

                @Override
                public void log(byte[] message) {
                }
            };
        }
    }
}
