package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.ClientRole;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
     * An HTTP API request signed by {@link #NOBODY}, which is no ARN, so that no operator allow-list entry (not even
     * one covering a whole account) lets it reach an operator's route; or with a client space ID token's claims of a
     * user of client {@link #NOBODY} when asked.
     */
    public static APIGatewayV2HTTPEvent httpApi(String method, String rawPath, boolean clientSpaceUser) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method).withPath(rawPath).withSourceIp("127.0.0.1").withProtocol("HTTP/1.1").build();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = clientSpaceUser
                ? APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(
                        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(Map.of(
                                "token_use", "id", "email", NOBODY + "@example.invalid", "custom:client_id", NOBODY,
                                "custom:role", ClientRole.ADMINISTRATEUR.name())).withScopes(List.of()).build()).build()
                : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withIam(
                        APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                                .withUserArn(NOBODY).build()).build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + rawPath)
                .withRawPath(rawPath).withRawQueryString("").withHeaders(Map.of("content-type", "application/json"))
                .withIsBase64Encoded(false).withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("priming").withRouteKey(method + " " + rawPath).withHttp(http)
                        .withAuthorizer(authorizer).build())
                .build();
    }

    /**
     * A schedule's input as EventBridge Scheduler would hand it over without its time filled in: the handler takes
     * the time of its clock when it runs. A new map each time, as each invocation's input is.
     */
    public static Map<String, Object> schedule() {
        return new java.util.HashMap<>(Map.of("scheduledTime", "<aws.scheduler.scheduled-time>"));
    }

    /** An S3 event of one object created (a PUT of an empty object, with no version). */
    public static S3Event s3(String bucket, String key) {
        var object = new S3EventNotification.S3ObjectEntity(key, 0L, "d41d8cd98f00b204e9800998ecf8427e", null, "0");
        var entity = new S3EventNotification.S3Entity("priming", new S3EventNotification.S3BucketEntity(bucket, null,
                "arn:aws:s3:::" + bucket), object, "1.0");
        return new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord(null, "ObjectCreated:Put",
                "aws:s3", null, "2.1", null, null, entity, null)));
    }

    /**
     * Hands the handler an SQS event of one message with this body, received once, as Lambda hands it: the event's
     * JSON to its stream overload, so that reading the event and writing the answer are primed as well.
     */
    public static void sqs(SqsHandler handler, String body) {
        ObjectNode event = PRIMING_JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("messageId", "priming");
        record.put("receiptHandle", "priming");
        record.put("body", body);
        record.putObject("attributes").put("ApproximateReceiveCount", "1");
        record.putObject("messageAttributes");
        record.put("eventSource", "aws:sqs");
        try {
            handler.handleRequest(new ByteArrayInputStream(PRIMING_JSON.writeValueAsBytes(event)),
                    OutputStream.nullOutputStream(), CONTEXT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ObjectMapper PRIMING_JSON = new ObjectMapper();

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
