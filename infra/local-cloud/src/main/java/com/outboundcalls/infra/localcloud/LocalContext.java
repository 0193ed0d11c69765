package com.outboundcalls.infra.localcloud;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Lambda context a locally invoked handler receives. */
final class LocalContext implements Context {

    private final String functionName;
    private final String arn;
    private final int timeoutSeconds;
    private final int memoryMb;
    private final String requestId = UUID.randomUUID().toString();
    private final long startedNanos = System.nanoTime();

    LocalContext(String functionName, String arn, int timeoutSeconds, int memoryMb) {
        this.functionName = functionName;
        this.arn = arn;
        this.timeoutSeconds = timeoutSeconds;
        this.memoryMb = memoryMb;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return arn;
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
        long elapsed = (System.nanoTime() - startedNanos) / 1_000_000;
        return (int) Math.max(0, timeoutSeconds * 1000L - elapsed);
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
